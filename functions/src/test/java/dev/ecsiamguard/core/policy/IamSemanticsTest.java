package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corners where the engine must follow AWS's documentation to the letter. Each row names the page it follows:
 * VAR = "IAM policy elements: Variables and tags" (reference_policies_variables), MULTI = "Single-valued vs.
 * multivalued context keys", OPS = "IAM JSON policy elements: Condition operators" (Null, IfExists, negated
 * operators), EVAL = "Policy evaluation logic" (explicit deny, allow, implicit deny). Policies use single quotes;
 * every request has a complete context (a key not listed is absent, as IAM sees it) unless the test says otherwise.
 */
class IamSemanticsTest {

    private static final String ALLOW_ALL = "{'Effect':'Allow','Action':'*','Resource':'*'}";

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = ';', textBlock = """
            VAR;   NotResource with an unresolved variable does not apply; \
            {'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::b/${aws:username}/*'}; \
            arn:aws:s3:::b/alice/k; -; IMPLICIT_DENY
            VAR;   NotResource with the variable resolved applies to other resources; \
            {'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::b/${aws:username}/*'}; \
            arn:aws:s3:::b/alice/k; aws:username=bob; ALLOW
            VAR;   StringNotEquals against an unresolved variable does not match; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'StringNotEquals':{'s3:prefix':'${aws:username}'}}}; arn:aws:s3:::b; s3:prefix=x; IMPLICIT_DENY
            VAR;   StringNotLike against an unresolved variable does not match; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'StringNotLike':{'s3:prefix':'home/${aws:username}/*'}}}; arn:aws:s3:::b; s3:prefix=x; \
            IMPLICIT_DENY
            VAR;   ArnNotLike against an unresolved variable does not match; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'ArnNotLike':{'aws:SourceArn':'arn:aws:s3:::${aws:username}'}}}; arn:aws:s3:::b; \
            aws:SourceArn=arn:aws:s3:::x; IMPLICIT_DENY
            VAR;   StringNotEquals against a resolved variable still holds when values differ; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'StringNotEquals':{'s3:prefix':'${aws:username}'}}}; arn:aws:s3:::b; \
            s3:prefix=x,aws:username=bob; ALLOW
            VAR;   a Deny on NotResource with an unresolved variable does not over-deny; \
            ALLOW_ALL,{'Effect':'Deny','Action':'s3:*','NotResource':'arn:aws:s3:::home/${aws:username}/*'}; \
            arn:aws:s3:::other/k; -; ALLOW
            VAR;   a Deny on StringNotEquals with an unresolved variable does not over-deny; \
            ALLOW_ALL,{'Effect':'Deny','Action':'s3:*','Resource':'*',\
            'Condition':{'StringNotEquals':{'aws:ResourceTag/owner':'${aws:PrincipalTag/owner}'}}}; \
            arn:aws:s3:::b; aws:ResourceTag/owner=ops; ALLOW
            VAR;   the same Deny applies once the variable resolves to another value; \
            ALLOW_ALL,{'Effect':'Deny','Action':'s3:*','Resource':'*',\
            'Condition':{'StringNotEquals':{'aws:ResourceTag/owner':'${aws:PrincipalTag/owner}'}}}; \
            arn:aws:s3:::b; aws:ResourceTag/owner=ops,aws:PrincipalTag/owner=dev; EXPLICIT_DENY
            VAR;   a multivalued key cannot be a variable; \
            {'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::b/${aws:TagKeys}'}; \
            arn:aws:s3:::c; aws:TagKeys=a; IMPLICIT_DENY
            VAR;   a variable's default is used when the key is absent; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/${aws:username, `guest`}/*'}; \
            arn:aws:s3:::b/guest/k; -; ALLOW
            VAR;   a variable in the region segment is not substituted; \
            {'Effect':'Allow','Action':'sqs:SendMessage',\
            'Resource':'arn:aws:sqs:${aws:RequestedRegion}:123456789012:jobs'}; \
            arn:aws:sqs:eu-west-1:123456789012:jobs; aws:RequestedRegion=eu-west-1; IMPLICIT_DENY
            VAR;   a variable in the account segment is not substituted; \
            {'Effect':'Allow','Action':'sqs:SendMessage',\
            'Resource':'arn:aws:sqs:eu-west-1:${aws:PrincipalAccount}:jobs'}; \
            arn:aws:sqs:eu-west-1:123456789012:jobs; aws:PrincipalAccount=123456789012; IMPLICIT_DENY
            VAR;   a variable in the resource part is substituted; \
            {'Effect':'Allow','Action':'sqs:SendMessage',\
            'Resource':'arn:aws:sqs:eu-west-1:123456789012:${aws:PrincipalTag/queue}'}; \
            arn:aws:sqs:eu-west-1:123456789012:jobs; aws:PrincipalTag/queue=jobs; ALLOW
            MULTI; StringEquals on aws:TagKeys with one value does not match; \
            {'Effect':'Allow','Action':'s3:PutObjectTagging','Resource':'*',\
            'Condition':{'StringEquals':{'aws:TagKeys':'env'}}}; arn:aws:s3:::b/k; aws:TagKeys=env; IMPLICIT_DENY
            MULTI; StringNotEquals on aws:TagKeys does not match either; \
            {'Effect':'Allow','Action':'s3:PutObjectTagging','Resource':'*',\
            'Condition':{'StringNotEquals':{'aws:TagKeys':'env'}}}; arn:aws:s3:::b/k; aws:TagKeys=team; IMPLICIT_DENY
            MULTI; ForAnyValue:StringEquals on aws:TagKeys matches; \
            {'Effect':'Allow','Action':'s3:PutObjectTagging','Resource':'*',\
            'Condition':{'ForAnyValue:StringEquals':{'aws:TagKeys':'env'}}}; arn:aws:s3:::b/k; aws:TagKeys=env; ALLOW
            MULTI; ForAllValues:StringEquals on aws:TagKeys matches when every value is listed; \
            {'Effect':'Allow','Action':'s3:PutObjectTagging','Resource':'*',\
            'Condition':{'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}}; arn:aws:s3:::b/k; \
            aws:TagKeys=env|team; ALLOW
            MULTI; a single-valued operator on a key given several values does not match; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'StringEquals':{'aws:CalledVia':'athena.amazonaws.com'}}}; arn:aws:s3:::b/k; \
            aws:CalledVia=athena.amazonaws.com|glue.amazonaws.com; IMPLICIT_DENY
            OPS;   Null TRUE in capitals means the key is absent; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'Null':{'aws:TokenIssueTime':'TRUE'}}}; arn:aws:s3:::b/k; -; ALLOW
            OPS;   Null False in mixed case means the key is present; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'Null':{'aws:TokenIssueTime':'False'}}}; arn:aws:s3:::b/k; \
            aws:TokenIssueTime=2026-01-01T00:00:00Z; ALLOW
            OPS;   Null TRUE does not hold when the key is present; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*',\
            'Condition':{'Null':{'aws:TokenIssueTime':'TRUE'}}}; arn:aws:s3:::b/k; \
            aws:TokenIssueTime=2026-01-01T00:00:00Z; IMPLICIT_DENY
            """)
    void evaluate_whenDocumentedCorner_decidesAsAwsDocuments(String page, String title, String statements,
                                                             String resource, String context, String expected) {
        String action = statements.contains("sqs:") ? "sqs:SendMessage"
                : statements.contains("PutObjectTagging") ? "s3:PutObjectTagging" : "s3:GetObject";
        Request request = request(action, resource, context).withCompleteContext();

        EvaluationResult result = evaluator(statements).evaluate(request);

        assertThat(result.isConclusive()).as(page + " " + title).isTrue();
        assertThat(result.decision()).as(page + " " + title + ": " + result.explain())
                .isEqualTo(Decision.valueOf(expected));
    }

    /** VAR, "Specifying default values": a default stands in for an absent key, so the key must be known. */
    @Test
    void evaluate_whenVariableHasDefaultAndKeyNotSupplied_reportsTheKeyAsMissing() {
        PolicyEvaluator evaluator = evaluator("{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'arn:aws:s3:::b/${aws:username, `bob`}/*'}");

        EvaluationResult open = evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::b/bob/k"));
        EvaluationResult named = evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::b/bob/k")
                .with("aws:username", "alice"));

        assertThat(open.isConclusive()).isFalse();
        assertThat(open.missingContextKeys()).containsExactly("aws:username");
        assertThat(open.isAllowed()).isFalse();
        assertThat(named.isDenied()).isTrue();
    }

    /** EVAL: only a Deny that certainly applies is an explicit deny; one that depends on a missing key is not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "StringEquals on a missing key; StringEquals",
        "StringNotEquals on a missing key; StringNotEquals"})
    void evaluate_whenOnlyDenyDependsOnMissingKey_isNotAnExplicitDeny(String title, String operator) {
        PolicyEvaluator evaluator = evaluator(ALLOW_ALL + ",{'Effect':'Deny','Action':'s3:*','Resource':'*',"
                + "'Condition':{'" + operator + "':{'aws:PrincipalTag/team':'blocked'}}}");

        EvaluationResult result = evaluator.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::b/k"));

        assertThat(result.decision()).as(result.explain()).isEqualTo(Decision.ALLOW);
        assertThat(result.deniedBy()).isEmpty();
        assertThat(result.missingContextKeys()).containsExactly("aws:PrincipalTag/team");
        assertThat(result.isAllowed()).isFalse();
        assertThat(result.isDenied()).isFalse();
    }

    /** OPS, Null: the value is a boolean, written in any case; anything else is rejected. */
    @Test
    void parse_whenNullValueIsNotBoolean_rejectsIt() {
        assertThat(PolicyDocument.parseIdentity(Policies.json("{'Version':'2012-10-17','Statement':{'Effect':'Allow',"
                + "'Action':'s3:GetObject','Resource':'*','Condition':{'Null':{'aws:TokenIssueTime':'TRUE'}}}}")))
                .isNotNull();
        assertThatThrownBy(() -> PolicyDocument.parseIdentity(Policies.json("{'Version':'2012-10-17','Statement':"
                + "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'Null':{'k':'maybe'}}}}")))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("`Null` expects `true` or `false`");
    }

    private static PolicyEvaluator evaluator(String statements) {
        // single quotes stand for double quotes, backquotes for the single quotes of a variable's default
        String json = Policies.json("{'Version':'2012-10-17','Statement':[" + statements.replace("ALLOW_ALL",
                ALLOW_ALL) + "]}").replace('`', '\'');
        return PolicyEvaluator.of(new NamedPolicy("p", PolicyDocument.parseIdentity(json)));
    }

    /** Context as {@code key=v1|v2,key2=v}; {@code -} for none. */
    private static Request request(String action, String resource, String context) {
        Request request = Request.of(action, resource);
        if (context.equals("-")) {
            return request;
        }
        for (String pair : context.split(",")) {
            int eq = pair.indexOf('=');
            request = request.with(pair.substring(0, eq), pair.substring(eq + 1).split("\\|"));
        }
        return request;
    }
}
