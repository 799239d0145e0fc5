package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.Policies.identity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluatorTest {

    private static final String S3_READ = "{'Version':'2012-10-17','Statement':[{'Sid':'Read','Effect':'Allow',"
            + "'Action':'s3:Get*','Resource':'arn:aws:s3:::data/*'}]}";

    @ParameterizedTest(name = "{0} {1} vs {2} on {3} -> {4}")
    @CsvSource(delimiter = ';', textBlock = """
            action;   s3:GetObject;      S3:getobject;    arn:aws:s3:::b/k;   ALLOW
            action;   s3:Get*;           s3:GetObjectAcl; arn:aws:s3:::b/k;   ALLOW
            action;   s3:?etObject;      s3:GetObject;    arn:aws:s3:::b/k;   ALLOW
            action;   s3:Get*;           s3:PutObject;    arn:aws:s3:::b/k;   IMPLICIT_DENY
            action;   *;                 kms:Decrypt;     arn:aws:s3:::b/k;   ALLOW
            action;   s3:GetObject;      s3:GetObjectX;   arn:aws:s3:::b/k;   IMPLICIT_DENY
            resource; arn:aws:s3:::Bucket/*; s3:GetObject; arn:aws:s3:::bucket/x; IMPLICIT_DENY
            resource; arn:aws:s3:::bucket/*; s3:GetObject; arn:aws:s3:::bucket/a/b:c; ALLOW
            resource; arn:aws:logs:*;        logs:Put; arn:aws:logs:eu-west-1:1:log-group:/ecs/app:log-stream:x; ALLOW
            resource; arn:aws:ssm:eu-west-?:*:p/*; ssm:Get; arn:aws:ssm:eu-west-2:1:p/app/db;   ALLOW
            resource; arn:aws:ssm:eu-west-?:*:p/*; ssm:Get; arn:aws:ssm:eu-west-12:1:p/app/db;  IMPLICIT_DENY
            """)
    void evaluate_whenPatternsMatchOrNot_followsIamWildcards(String element, String pattern, String action,
                                                             String resource, Decision expected) {
        String actionPattern = element.equals("action") ? pattern : "*";
        String resourcePattern = element.equals("resource") ? pattern : "*";
        NamedPolicy policy = identity("p", "{'Statement':{'Effect':'Allow','Action':'" + actionPattern
                + "','Resource':'" + resourcePattern + "'}}");

        assertThat(PolicyEvaluator.of(policy).evaluate(Request.of(action, resource)).decision()).isEqualTo(expected);
    }

    @Test
    void evaluate_whenAllowAndDenyMatch_explicitDenyWins() {
        NamedPolicy allow = identity("allow", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");
        NamedPolicy deny = identity("deny", "{'Statement':[{'Sid':'NoSecrets','Effect':'Deny',"
                + "'Action':'secretsmanager:*','Resource':'*'}]}");

        EvaluationResult result = PolicyEvaluator.of(allow, deny)
                .evaluate(Request.of("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-west-1:1:secret:x"));

        assertThat(result.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(result.deniedBy()).extracting(StatementRef::describe)
                .containsExactly("policy `deny` statement 1 (Sid `NoSecrets`)");
        assertThat(result.explain()).contains("EXPLICIT_DENY", "NoSecrets");
    }

    @Test
    void evaluate_whenNothingMatches_implicitDeny() {
        EvaluationResult result = PolicyEvaluator.of(identity("read", S3_READ))
                .evaluate(Request.of("s3:PutObject", "arn:aws:s3:::data/x"));

        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(result.isDenied()).isTrue();
        assertThat(result.allowedBy()).isEmpty();
    }

    @Test
    void evaluate_whenAllowWithNotResource_allowsEverythingElse() {
        NamedPolicy policy = identity("p", "{'Statement':{'Effect':'Allow','Action':'s3:*',"
                + "'NotResource':['arn:aws:s3:::secret','arn:aws:s3:::secret/*']}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);

        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::public/x")).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::secret/x")).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenAllowWithNotAction_allowsOtherActionsOnly() {
        NamedPolicy policy = identity("p", "{'Statement':{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);

        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "*")).decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(Request.of("IAM:CreateRole", "*")).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenDenyWithNotAction_deniesEverythingElse() {
        NamedPolicy allow = identity("a", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");
        NamedPolicy deny = identity("d", "{'Statement':{'Effect':'Deny','NotAction':'s3:*','Resource':'*'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(allow, deny);

        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "*")).decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(Request.of("ec2:RunInstances", "*")).decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void evaluate_whenBoundaryLacksAction_implicitDeny() {
        NamedPolicy all = identity("all", "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*'}}");
        NamedPolicy boundary = identity("boundary", S3_READ);
        PolicyEvaluator evaluator = new PolicyEvaluator(List.of(all), boundary);

        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::data/x")).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(Request.of("s3:PutObject", "arn:aws:s3:::data/x")).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(evaluator.withoutBoundary().evaluate(Request.of("s3:PutObject", "arn:aws:s3:::data/x"))
                .decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenBoundaryDenies_explicitDeny() {
        NamedPolicy all = identity("all", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");
        NamedPolicy boundary = identity("boundary", "{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'iam:*','Resource':'*'}]}");

        EvaluationResult result = new PolicyEvaluator(List.of(all), boundary)
                .evaluate(Request.of("iam:CreateRole", "*"));

        assertThat(result.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(result.deniedBy()).extracting(StatementRef::policyName).containsExactly("boundary");
    }

    @Test
    void evaluate_whenOnlyBoundaryAllows_implicitDeny() {
        NamedPolicy boundary = identity("boundary", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");

        EvaluationResult result = new PolicyEvaluator(List.of(), boundary).evaluate(Request.of("s3:Get", "*"));

        assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenKeyNameCaseDiffers_matchesButValueStaysCaseSensitive() {
        NamedPolicy policy = Policies.allowWithCondition("{'StringEquals':{'aws:PrincipalTag/Team':'Platform'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);
        Request request = Request.of("s3:GetObject", "*");

        assertThat(evaluator.evaluate(request.with("AWS:principaltag/team", "Platform")).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(request.with("AWS:principaltag/team", "platform")).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenResourceHasUsernameVariable_substitutesFromContext() {
        NamedPolicy policy = identity("home", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:*',"
                + "'Resource':'arn:aws:s3:::home/${aws:username}/*'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);

        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::home/alice/f")
                .with("aws:username", "alice")).decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::home/bob/f")
                .with("aws:username", "alice")).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        EvaluationResult unknown = evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::home/alice/f"));
        assertThat(unknown.missingContextKeys()).containsExactly("aws:username");
    }

    @Test
    void evaluate_whenConditionValueIsPrincipalTagVariable_comparesTags() {
        NamedPolicy policy = Policies.allowWithCondition(
                "{'StringEquals':{'aws:ResourceTag/team':'${aws:PrincipalTag/team}'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);
        Request request = Request.of("s3:GetObject", "*").with("aws:PrincipalTag/team", "blue");

        assertThat(evaluator.evaluate(request.with("aws:ResourceTag/team", "blue")).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(request.with("aws:ResourceTag/team", "red")).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenDenyDependsOnMissingKey_isInconclusive() {
        NamedPolicy policy = identity("p", "{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':false}}}]}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);

        EvaluationResult open = evaluator.evaluate(Request.of("s3:GetObject", "*"));
        EvaluationResult known = evaluator.evaluate(Request.of("s3:GetObject", "*")
                .with("aws:SecureTransport", "true"));

        assertThat(open.isConclusive()).isFalse();
        assertThat(open.missingContextKeys()).containsExactly("aws:SecureTransport");
        assertThat(open.decision()).isEqualTo(Decision.ALLOW);
        assertThat(known.isAllowed()).isTrue();
    }

    @Test
    void evaluate_whenNoAllowWhateverTheMissingKey_isConclusivelyDenied() {
        NamedPolicy policy = identity("p", "{'Statement':{'Effect':'Deny','Action':'*','Resource':'*',"
                + "'Condition':{'StringEquals':{'aws:SourceVpc':'vpc-1'}}}}");

        EvaluationResult result = PolicyEvaluator.of(policy).evaluate(Request.of("s3:GetObject", "*"));

        assertThat(result.isDenied()).isTrue();
        assertThat(result.missingContextKeys()).isEmpty();
    }

    @Test
    void evaluate_whenTrustPolicyAndPrincipalGiven_checksPrincipal() {
        NamedPolicy trust = Policies.trust("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':{'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}]}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(trust);
        Request assume = Request.of("sts:AssumeRole", "arn:aws:iam::123456789012:role/app");

        assertThat(evaluator.evaluate(assume.withPrincipal(Principal.service("ecs-tasks.amazonaws.com"))).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(assume.withPrincipal(Principal.service("ec2.amazonaws.com"))).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenAccountPrincipal_coversRolesOfThatAccount() {
        NamedPolicy trust = Policies.trust("{'Statement':{'Effect':'Allow','Principal':{'AWS':'123456789012'},"
                + "'Action':'sts:AssumeRole'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(trust);
        Request assume = Request.of("sts:AssumeRole", "*");

        assertThat(evaluator.evaluate(assume.withPrincipal(Principal.aws("arn:aws:iam::123456789012:role/ci")))
                .decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluator.evaluate(assume.withPrincipal(Principal.aws("arn:aws:iam::999999999999:role/ci")))
                .decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenPolicyVersionIsOld_takesVariablesAsText() {
        NamedPolicy policy = identity("old", "{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'s3:*',"
                + "'Resource':'arn:aws:s3:::home/${aws:username}/*'}}");
        PolicyEvaluator evaluator = PolicyEvaluator.of(policy);

        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::home/alice/f")
                .with("aws:username", "alice")).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::home/${aws:username}/f"))
                .decision()).isEqualTo(Decision.ALLOW);
    }
}
