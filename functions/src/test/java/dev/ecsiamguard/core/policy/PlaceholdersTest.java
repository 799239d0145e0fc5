package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.Policies.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Placeholders are unknown values read at their cautious reading: an Allow widened, a Deny or a negated element
 * narrowed, so that no request a concrete value would allow is answered "denied". Each case parses and evaluates
 * the rendered policy with the real engine.
 */
class PlaceholdersTest {

    private static final String ALLOW_LOGS = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
            + "'Action':'logs:PutLogEvents','Resource':'%s'}]}";

    @ParameterizedTest(name = "{0} in an Allow Resource reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "${LOG_GROUP_ARN}                                      | *",
        "{{ log_group_arn }}                                   | *",
        "<LOG_GROUP_ARN>                                       | *",
        "${cloudwatch_log_group}:log-stream:*                  | *",
        "arn:aws:logs:eu-west-2:${account_id}:log-group:/ecs/x | arn:aws:logs:eu-west-2:*:log-group:/ecs/x",
        "arn:aws:logs:eu-west-2:ACCOUNT_ID:log-group:/ecs/x    | arn:aws:logs:eu-west-2:*:log-group:/ecs/x",
        "arn:aws:logs:REGION:<ACCOUNT_ID>:log-group:/ecs/x     | arn:aws:logs:*:*:log-group:/ecs/x",
    })
    void render_whenAllowResourceHasPlaceholder_widensItAndSaysSo(String written, String read) {
        Placeholders.Rendered rendered = Placeholders.render(json(ALLOW_LOGS.formatted(written)),
                PolicyKind.IDENTITY);

        PolicyDocument document = PolicyDocument.parseIdentity(rendered.json());
        assertThat(document.statements().get(0).resources()).containsExactly(read);
        assertThat(rendered.unjudged()).singleElement().satisfies(u -> {
            assertThat(u.statement()).isEqualTo(1);
            assertThat(u.field()).isEqualTo("Resource");
            assertThat(u.value()).isEqualTo(written);
            assertThat(u.describe()).contains("read as `" + read + "`");
        });
        // Whatever the placeholder stands for, the rendered Allow covers it.
        PolicyEvaluator engine = new PolicyEvaluator(List.of(new NamedPolicy("p", document)), null);
        assertThat(engine.evaluate(Request.of("logs:PutLogEvents",
                "arn:aws:logs:eu-west-2:123456789012:log-group:/ecs/x")).isAllowed()).isTrue();
    }

    @ParameterizedTest(name = "{0} is an IAM variable, not a placeholder")
    @CsvSource(delimiter = '|', value = {
        "arn:aws:s3:::bucket/${aws:username}/*",
        "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'none'}/*",
        "arn:aws:s3:::bucket/${s3:prefix}",
        "arn:aws:s3:::bucket/${*}literal",
        "arn:aws:s3:::bucket/${?}${$}",
    })
    void render_whenOnlyIamVariables_leavesTheTextUntouched(String resource) {
        String text = json(ALLOW_LOGS.formatted(resource));

        Placeholders.Rendered rendered = Placeholders.render(text, PolicyKind.IDENTITY);

        assertThat(rendered.json()).isSameAs(text);
        assertThat(rendered.unjudged()).isEmpty();
        assertThat(Placeholders.hasPlaceholder(resource)).isFalse();
    }

    @Test
    void render_whenDenyResourceHasPlaceholder_narrowsItSoTheAllowStillCounts() {
        String text = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'s3:*','Resource':'${protected_bucket}'}]}");

        Placeholders.Rendered rendered = Placeholders.render(text, PolicyKind.IDENTITY);

        PolicyEvaluator engine = new PolicyEvaluator(List.of(new NamedPolicy("p",
                PolicyDocument.parseIdentity(rendered.json()))), null);
        // The unknown Deny might not cover this bucket: the cautious reading keeps the grant.
        assertThat(engine.evaluate(Request.of("s3:DeleteBucket", "arn:aws:s3:::any-bucket")).isAllowed()).isTrue();
        assertThat(rendered.unjudged()).singleElement().satisfies(u -> assertThat(u.describe())
                .contains("statement 2 Resource `${protected_bucket}`").contains("matching nothing"));
    }

    @Test
    void render_whenAllowNotResourceOrActionHasPlaceholder_excludesNothingAndAllowsAnyAction() {
        String text = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'${service}:Get*',"
                + "'NotResource':'${excluded}'},{'Effect':'Allow','Action':'${action}','Resource':'*'}]}");

        Placeholders.Rendered rendered = Placeholders.render(text, PolicyKind.IDENTITY);

        PolicyEvaluator engine = new PolicyEvaluator(List.of(new NamedPolicy("p",
                PolicyDocument.parseIdentity(rendered.json()))), null);
        assertThat(engine.evaluate(Request.of("iam:CreateUser", "arn:aws:iam::123456789012:user/x")).isAllowed())
                .isTrue();
        assertThat(rendered.unjudged()).extracting(Placeholders.Unjudged::field)
                .containsExactly("Action", "NotResource", "Action");
    }

    @Test
    void render_whenFederatedPrincipalIsAPlaceholder_readsItAsTheProviderTheConditionsName() {
        String text = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
                + "'${trusted_entity}'},'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringLike':"
                + "{'token.actions.githubusercontent.com:sub':'repo:*'}}}]}");

        Placeholders.Rendered rendered = Placeholders.render(text, PolicyKind.TRUST);

        Statement statement = PolicyDocument.parseTrust(rendered.json()).statements().get(0);
        assertThat(statement.principals()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PrincipalKind.FEDERATED);
            assertThat(p.value()).isEqualTo("arn:aws:iam::000000000000:oidc-provider/"
                    + "token.actions.githubusercontent.com");
        });
        assertThat(rendered.unjudged()).singleElement().satisfies(u -> assertThat(u.field())
                .isEqualTo("Principal Federated"));
    }

    @Test
    void render_whenProviderAccountIsAPlaceholder_keepsTheProviderAndWidensTheSubjectPattern() {
        String text = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':"
                + "'arn:aws:iam::<AWS_ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com'},"
                + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringLike':"
                + "{'token.actions.githubusercontent.com:sub':'repo:<OWNER>/<REPO>:*'},'StringEquals':"
                + "{'token.actions.githubusercontent.com:aud':'{{ audience }}'}}}]}");

        Placeholders.Rendered rendered = Placeholders.render(text, PolicyKind.TRUST);

        Statement statement = PolicyDocument.parseTrust(rendered.json()).statements().get(0);
        assertThat(statement.principals().get(0).value()).isEqualTo("arn:aws:iam::000000000000:oidc-provider/"
                + "token.actions.githubusercontent.com");
        assertThat(statement.conditionsOn("token.actions.githubusercontent.com:sub").get(0).values())
                .containsExactly("repo:*/*:*");
        // An exact-match value has no widest reading: kept, and reported as not judged.
        assertThat(statement.conditionsOn("token.actions.githubusercontent.com:aud").get(0).values())
                .containsExactly("{{ audience }}");
        assertThat(rendered.unjudged()).extracting(Placeholders.Unjudged::reading)
                .anySatisfy(r -> assertThat(r).startsWith("not judged"));
    }

    @Test
    void render_whenAwsPrincipalIsAPlaceholderInAnAllow_readsItAsAnyone() {
        String text = json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::${account_id}:root'},'Action':'sts:AssumeRole'}]}");

        Statement statement = PolicyDocument.parseTrust(Placeholders.render(text, PolicyKind.TRUST).json())
                .statements().get(0);

        assertThat(statement.principals()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("*"));
    }

    @Test
    void render_whenEffectVersionOrWholePrincipalIsAPlaceholder_parsesAtTheCautiousReading() {
        String text = json("{'Version':'${version}','Statement':[{'Effect':'${effect}','Principal':'${principal}',"
                + "'Action':'sts:AssumeRole'},{'Effect':'Allow','Principal':{'Service':'${svc}.amazonaws.com'},"
                + "'Action':'sts:AssumeRole'}]}");

        Placeholders.Rendered rendered = Placeholders.render(text, PolicyKind.TRUST);

        PolicyDocument document = PolicyDocument.parseTrust(rendered.json());
        assertThat(document.version()).isEqualTo("2012-10-17");
        assertThat(document.statements().get(0).isAllow()).isTrue();
        assertThat(document.statements().get(0).principals()).extracting(Principal::kind)
                .containsExactly(PrincipalKind.ANY);
        // No service is "anyone": an unknown one is read as the service whose trust rules are strictest here.
        assertThat(document.statements().get(1).principals()).extracting(Principal::value)
                .containsExactly("ecs-tasks.amazonaws.com");
        assertThat(rendered.unjudged()).extracting(Placeholders.Unjudged::describe).first().asString()
                .startsWith("document Version `${version}`");
        assertThat(rendered.unjudged()).extracting(Placeholders.Unjudged::field)
                .containsExactly("Version", "Effect", "Principal", "Principal Service");
    }

    @Test
    void render_whenNotAPolicyObject_returnsTheTextForTheParserToReport() {
        assertThat(Placeholders.render("not json", PolicyKind.IDENTITY).json()).isEqualTo("not json");
        assertThat(Placeholders.render("[1]", PolicyKind.IDENTITY).unjudged()).isEmpty();
    }
}
