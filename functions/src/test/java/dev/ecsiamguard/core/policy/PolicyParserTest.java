package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.Policies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {

    private static final String GITHUB_TRUST = "{'Version':'2012-10-17','Statement':[{'Sid':'GitHub','Effect':'Allow',"
            + "'Principal':{'Federated':'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'},"
            + "'Action':['sts:AssumeRoleWithWebIdentity','sts:TagSession'],'Condition':{"
            + "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
            + "'StringLike':{'token.actions.githubusercontent.com:sub':['repo:org/app:ref:refs/heads/main',"
            + "'repo:org/app:environment:prod']}}}]}";

    @Test
    void parse_whenTrustPolicy_keepsPrincipalsAndConditionsQueryable() {
        PolicyDocument doc = PolicyDocument.parseTrust(json(GITHUB_TRUST));

        Statement statement = doc.statements().get(0);
        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(statement.sid()).isEqualTo("GitHub");
        assertThat(statement.principals()).extracting(Principal::kind).containsExactly(PrincipalKind.FEDERATED);
        assertThat(statement.actions()).containsExactly("sts:AssumeRoleWithWebIdentity", "sts:TagSession");
        assertThat(statement.resources()).isEmpty();
        ConditionClause sub = statement.conditionsOn("TOKEN.actions.githubusercontent.com:SUB").get(0);
        assertThat(sub.operator()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(sub.values()).containsExactly("repo:org/app:ref:refs/heads/main", "repo:org/app:environment:prod");
        assertThat(statement.conditionsOn("token.actions.githubusercontent.com:aud", ConditionOperator.STRING_EQUALS))
                .hasSize(1);
    }

    @Test
    void parse_whenUrlEncoded_decodesFirst() {
        String encoded = URLEncoder.encode(json(GITHUB_TRUST), StandardCharsets.UTF_8);

        assertThat(PolicyDocument.parseTrust(encoded)).isEqualTo(PolicyDocument.parseTrust(json(GITHUB_TRUST)));
    }

    @Test
    void parse_whenPlainJsonContainsPercentEncodedText_keepsItVerbatim() {
        PolicyDocument doc = PolicyDocument.parseIdentity(json("{'Statement':{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'arn:aws:s3:::b/a%22b'}}"));

        assertThat(doc.statements().get(0).resources()).containsExactly("arn:aws:s3:::b/a%22b");
    }

    @Test
    void parse_whenStatementIsObjectAndValuesAreScalars_normalises() {
        PolicyDocument doc = PolicyDocument.parseIdentity(json("{'Statement':{'Effect':'Deny','Action':'s3:*',"
                + "'Resource':'*','Condition':{'ForAllValues:NumericLessThanIfExists':{'s3:max-keys':[10, 20]},"
                + "'Bool':{'aws:SecureTransport':false}}}}"));

        Statement statement = doc.statements().get(0);
        ConditionClause maxKeys = statement.conditionsOn("s3:max-keys").get(0);
        assertThat(maxKeys.operator()).isEqualTo(ConditionOperator.NUMERIC_LESS_THAN);
        assertThat(maxKeys.ifExists()).isTrue();
        assertThat(maxKeys.qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
        assertThat(maxKeys.values()).containsExactly("10", "20");
        assertThat(maxKeys.operatorText()).isEqualTo("ForAllValues:NumericLessThanIfExists");
        assertThat(statement.conditionsOn("aws:securetransport").get(0).values()).containsExactly("false");
    }

    @Test
    void parse_whenPrincipalForms_readsEveryKind() {
        PolicyDocument doc = PolicyDocument.parse(json("{'Statement':[{'Effect':'Allow','Principal':'*',"
                + "'Action':'s3:GetObject','Resource':'*'},{'Effect':'Allow','Principal':{'AWS':['123456789012',"
                + "'arn:aws:iam::123456789012:role/x'],'Service':'ecs-tasks.amazonaws.com','CanonicalUser':'abc'},"
                + "'Action':'s3:GetObject','Resource':'*'}]}"), PolicyKind.RESOURCE);

        assertThat(doc.statements().get(0).principals()).containsExactly(new Principal(PrincipalKind.ANY, "*"));
        assertThat(doc.statements().get(1).principals()).extracting(Principal::kind).containsExactlyInAnyOrder(
                PrincipalKind.AWS, PrincipalKind.AWS, PrincipalKind.SERVICE, PrincipalKind.CANONICAL_USER);
    }

    @Test
    void parse_whenWildcardInsideStringEquals_flagsIt() {
        PolicyDocument doc = PolicyDocument.parseTrust(json("{'Statement':{'Effect':'Allow','Principal':{'Federated':"
                + "'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'},"
                + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringEquals':"
                + "{'token.actions.githubusercontent.com:sub':'repo:org/*'}}}}"));

        assertThat(doc.statements().get(0).conditions().get(0).hasWildcardWithoutLikeOperator()).isTrue();
    }

    static Stream<Arguments> rejected() {
        String ok = "'Action':'s3:GetObject','Resource':'*'";
        return Stream.of(
                Arguments.of("not json", PolicyKind.IDENTITY, "document: not valid JSON"),
                Arguments.of("", PolicyKind.IDENTITY, "document: empty policy text"),
                Arguments.of("[1]", PolicyKind.IDENTITY, "document: expected a JSON object"),
                Arguments.of("{'Version':'2012-10-17'}", PolicyKind.IDENTITY, "document: missing field `Statement`"),
                Arguments.of("{'Statement':[]}", PolicyKind.IDENTITY, "expected at least one statement"),
                Arguments.of("{'Version':'2020-01-01','Statement':{'Effect':'Allow'," + ok + "}}",
                        PolicyKind.IDENTITY, "field `Version`"),
                Arguments.of("{'Statement':{'Effect':'Allow'," + ok + "},'Extra':1}", PolicyKind.IDENTITY,
                        "unknown field `Extra`"),
                Arguments.of("{'Statement':[{'Effect':'Allow'," + ok + "},{'Sid':'X','Effect':'Alow'," + ok + "}]}",
                        PolicyKind.IDENTITY,
                        "statement 2 (Sid `X`): field `Effect`: expected `Allow` or `Deny`, got `Alow`"),
                Arguments.of("{'Statement':{" + ok + "}}", PolicyKind.IDENTITY, "statement 1: missing field `Effect`"),
                Arguments.of("{'Statement':{'Effect':'Allow','Action':'s3:Get','NotAction':'s3:Put','Resource':'*'}}",
                        PolicyKind.IDENTITY, "fields `Action` and `NotAction` are exclusive"),
                Arguments.of("{'Statement':{'Effect':'Allow','Resource':'*'}}", PolicyKind.IDENTITY,
                        "missing field `Action` (or `NotAction`)"),
                Arguments.of("{'Statement':{'Effect':'Allow','Action':'s3:Get'}}", PolicyKind.IDENTITY,
                        "missing field `Resource` (or `NotResource`)"),
                Arguments.of("{'Statement':{'Effect':'Allow','Action':'s3','Resource':'*'}}", PolicyKind.IDENTITY,
                        "field `Action`: expected `*` or `service:action`, got `s3`"),
                Arguments.of("{'Statement':{'Effect':'Allow','Action':[],'Resource':'*'}}", PolicyKind.IDENTITY,
                        "field `Action`: expected a string or a non-empty list"),
                Arguments.of("{'Statement':{'Effect':'Allow','Action':'s3:Get','Resource':'${BUCKET}'}}",
                        PolicyKind.IDENTITY, "field `Resource`: expected `*` or an ARN, got `${BUCKET}`"),
                Arguments.of("{'Statement':{'Effect':'Allow','Principal':'*'," + ok + "}}", PolicyKind.IDENTITY,
                        "field `Principal`: an identity policy takes no Principal"),
                Arguments.of("{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole'}}", PolicyKind.TRUST,
                        "statement 1: missing field `Principal`"),
                Arguments.of("{'Statement':{'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole',"
                        + "'Resource':'*'}}",
                        PolicyKind.TRUST, "field `Resource`: a role trust policy takes no Resource"),
                Arguments.of("{'Statement':{'Effect':'Deny','NotPrincipal':{'AWS':'123456789012'},"
                        + "'Action':'sts:AssumeRole'}}", PolicyKind.TRUST, "takes no NotPrincipal"),
                Arguments.of("{'Statement':{'Effect':'Allow','Principal':{'User':'x'},'Action':'sts:AssumeRole'}}",
                        PolicyKind.TRUST, "unknown principal type `User`"),
                Arguments.of("{'Statement':{'Effect':'Allow','Principal':{'Federated':'${trusted_entity}'},"
                        + "'Action':'sts:AssumeRoleWithWebIdentity'}}", PolicyKind.TRUST,
                        "not a valid Federated principal: `${trusted_entity}`"),
                Arguments.of("{'Statement':{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::ACCOUNT_ID:root'},"
                        + "'Action':'sts:AssumeRole'}}", PolicyKind.TRUST, "not a valid AWS principal"),
                Arguments.of("{'Statement':{'Effect':'Allow'," + ok + ",'Condition':{'StringEqual':{'k':'v'}}}}",
                        PolicyKind.IDENTITY, "field `Condition` `StringEqual`: unknown condition operator"),
                Arguments.of("{'Statement':{'Effect':'Allow'," + ok + ",'Condition':{'ForSomeValues:StringLike':"
                        + "{'k':'v'}}}}", PolicyKind.IDENTITY, "unknown condition operator `ForSomeValues:StringLike`"),
                Arguments.of("{'Statement':{'Effect':'Allow'," + ok + ",'Condition':{'NullIfExists':{'k':'true'}}}}",
                        PolicyKind.IDENTITY, "`Null` takes no IfExists"),
                Arguments.of("{'Statement':{'Effect':'Allow'," + ok + ",'Condition':{'StringLike':{'k':{'a':1}}}}}",
                        PolicyKind.IDENTITY, "expected a string, number or boolean"),
                Arguments.of("{'Statement':[{'Sid':'A','Effect':'Allow'," + ok + "},{'Sid':'A','Effect':'Deny',"
                        + ok + "}]}", PolicyKind.IDENTITY, "statement 2: duplicate Sid `A`"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("rejected")
    void parse_whenIamWouldReject_throwsLocatedError(String singleQuoted, PolicyKind kind, String expected) {
        assertThatThrownBy(() -> PolicyDocument.parse(json(singleQuoted), kind))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageContaining(expected);
    }
}
