package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.Policies.identity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Breadth questions decided by evaluation: a Deny, a condition or the boundary that removes a grant removes it. */
class EvaluatedGrantsTest {

    private static final String CANARY = "arn:aws:iam::123456789012:role/ecs-iam-guard-probe";

    @Test
    void serviceWideGrants_whenServiceStarActions_listsServicesStillAllowed() {
        NamedPolicy policy = identity("p", "{'Statement':[{'Effect':'Allow','Action':['iam:*','S3:*','ecs:Describe*',"
                + "'kms:*','sqs:*'],'Resource':'*'},{'Effect':'Deny','Action':'kms:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'sqs:*','NotResource':'arn:aws:sqs:*:*:jobs'}]}");

        assertThat(new EvaluatedGrants(PolicyEvaluator.of(policy)).serviceWideGrants())
                .containsExactly("iam", "s3");
    }

    @Test
    void serviceWideGrants_whenBoundaryAllowsOneAction_listsNothing() {
        NamedPolicy policy = identity("p", "{'Statement':{'Effect':'Allow','Action':['iam:*','s3:*'],'Resource':'*'}}");
        NamedPolicy boundary = identity("b", "{'Statement':{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}}");

        assertThat(new EvaluatedGrants(new PolicyEvaluator(List.of(policy), boundary)).serviceWideGrants()).isEmpty();
    }

    @Test
    void serviceWideGrants_whenScopedToOneResource_stillCountsTheService() {
        NamedPolicy policy = identity("p", "{'Statement':{'Effect':'Allow','Action':'dynamodb:*',"
                + "'Resource':'arn:aws:dynamodb:eu-west-1:123456789012:table/app'}}");

        assertThat(new EvaluatedGrants(PolicyEvaluator.of(policy)).serviceWideGrants()).containsExactly("dynamodb");
    }

    @Test
    void passRoleToAnyService_whenUnnamedRoleAndNoServiceLimit_reportsTheStatements() {
        NamedPolicy loose = identity("loose", "{'Statement':[{'Sid':'Loose','Effect':'Allow',"
                + "'Action':['iam:PassRole','ecs:*'],'Resource':'*'},{'Sid':'Scoped','Effect':'Allow',"
                + "'Action':'iam:PassRole','Resource':'*','Condition':{'StringEquals':"
                + "{'iam:PassedToService':'ecs-tasks.amazonaws.com'}}},{'Sid':'Named','Effect':'Allow',"
                + "'Action':'iam:PassRole','Resource':'arn:aws:iam::123456789012:role/app'},"
                + "{'Sid':'Star','Effect':'Allow','Action':'iam:*','Resource':'*'}]}");

        assertThat(new EvaluatedGrants(PolicyEvaluator.of(loose)).passRoleToAnyService(CANARY))
                .extracting(StatementRef::sid).containsExactly("Loose", "Star");
    }

    @Test
    void passRoleToAnyService_whenDeniedOrLimitedOrBounded_reportsNothing() {
        NamedPolicy allow = identity("a", "{'Statement':{'Effect':'Allow','Action':'iam:PassRole','Resource':'*'}}");
        NamedPolicy deny = identity("d", "{'Statement':{'Effect':'Deny','Action':'iam:PassRole','Resource':'*',"
                + "'Condition':{'StringNotEquals':{'iam:PassedToService':'ecs-tasks.amazonaws.com'}}}}");
        NamedPolicy boundary = identity("b", "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*'}}");

        assertThat(new EvaluatedGrants(PolicyEvaluator.of(allow)).passRoleToAnyService(CANARY)).isNotEmpty();
        assertThat(new EvaluatedGrants(PolicyEvaluator.of(allow, deny)).passRoleToAnyService(CANARY)).isEmpty();
        assertThat(new EvaluatedGrants(new PolicyEvaluator(List.of(allow), boundary)).passRoleToAnyService(CANARY))
                .isEmpty();
    }
}
