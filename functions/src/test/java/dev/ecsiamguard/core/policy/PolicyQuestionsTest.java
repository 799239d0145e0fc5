package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.Policies.identity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyQuestionsTest {

    private static final NamedPolicy ADMIN = identity("admin",
            "{'Statement':{'Sid':'All','Effect':'Allow','Action':'*','Resource':'*'}}");

    @Test
    void grantsAdmin_whenUnconditionedStarOnStar_true() {
        PolicyQuestions questions = PolicyQuestions.of(List.of(ADMIN), null);

        assertThat(questions.grantsAdmin()).isTrue();
        assertThat(questions.adminStatements()).extracting(StatementRef::sid).containsExactly("All");
    }

    @Test
    void grantsAdmin_whenConditionedOrBoundaryLimits_false() {
        NamedPolicy conditioned = identity("c", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':true}}}}");
        NamedPolicy boundary = identity("b", "{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*'}}");

        assertThat(PolicyQuestions.of(List.of(conditioned), null).grantsAdmin()).isFalse();
        assertThat(PolicyQuestions.of(List.of(ADMIN), boundary).grantsAdmin()).isFalse();
    }

    @Test
    void serviceWideWildcards_whenServiceStarActions_listsServices() {
        NamedPolicy policy = identity("p", "{'Statement':[{'Effect':'Allow','Action':['iam:*','S3:*','ecs:Describe*'],"
                + "'Resource':'*'},{'Effect':'Deny','Action':'kms:*','Resource':'*'}]}");

        assertThat(PolicyQuestions.of(List.of(policy), null).serviceWideWildcards()).containsExactly("iam", "s3");
    }

    @Test
    void passRoleWithoutServiceConstraint_whenStarResourceAndNoCondition_reportsStatement() {
        NamedPolicy loose = identity("loose", "{'Statement':[{'Sid':'Loose','Effect':'Allow',"
                + "'Action':['iam:PassRole','ecs:*'],'Resource':'*'},{'Sid':'Scoped','Effect':'Allow',"
                + "'Action':'iam:PassRole','Resource':'*','Condition':{'StringEquals':"
                + "{'iam:PassedToService':'ecs-tasks.amazonaws.com'}}},{'Sid':'Named','Effect':'Allow',"
                + "'Action':'iam:PassRole','Resource':'arn:aws:iam::123456789012:role/app'},"
                + "{'Sid':'Star','Effect':'Allow','Action':'iam:*','Resource':'*'}]}");

        assertThat(PolicyQuestions.of(List.of(loose), null).passRoleWithoutServiceConstraint())
                .extracting(StatementRef::sid).containsExactly("Loose", "Star");
    }

    @Test
    void evaluateActions_whenSomeAllowed_reportsEachAction() {
        NamedPolicy exec = identity("exec", "{'Statement':{'Effect':'Allow','Action':['ecr:BatchGetImage',"
                + "'ecr:GetDownloadUrlForLayer'],'Resource':'arn:aws:ecr:eu-west-1:123456789012:repository/app'}}");
        PolicyQuestions questions = PolicyQuestions.of(List.of(exec), null);
        List<String> pull = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken");
        String repo = "arn:aws:ecr:eu-west-1:123456789012:repository/app";

        Map<String, EvaluationResult> results = questions.evaluateActions(pull, repo, Map.of());

        assertThat(questions.allowedActions(pull, repo)).containsExactly("ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer");
        assertThat(results.get("ecr:GetAuthorizationToken").decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void trustGrants_whenGithubAndEcsStatements_listsPrincipalsWithConditions() {
        NamedPolicy trust = Policies.trust("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':{'Service':['ecs-tasks.amazonaws.com']},'Action':'sts:AssumeRole',"
                + "'Condition':{'StringEquals':{'aws:SourceAccount':'123456789012'}}},{'Effect':'Allow',"
                + "'Principal':{'Federated':'arn:aws:iam::123456789012:oidc-provider/"
                + "token.actions.githubusercontent.com'},"
                + "'Action':['sts:AssumeRoleWithWebIdentity','sts:TagSession'],'Condition':{'StringLike':"
                + "{'token.actions.githubusercontent.com:sub':'repo:org/app:*'}}},{'Effect':'Allow','Principal':'*',"
                + "'Action':'sts:*'}]}");

        List<TrustGrant> grants = PolicyQuestions.trustGrants(trust);

        assertThat(grants).extracting(TrustGrant::kind)
                .containsExactly(PrincipalKind.SERVICE, PrincipalKind.FEDERATED, PrincipalKind.ANY);
        assertThat(grants.get(0).conditionsOn("AWS:SourceAccount")).hasSize(1);
        assertThat(grants.get(1).actions()).containsExactly("sts:AssumeRoleWithWebIdentity", "sts:TagSession");
        assertThat(grants.get(1).conditionsOn("token.actions.githubusercontent.com:sub").get(0).values())
                .containsExactly("repo:org/app:*");
        assertThat(grants.get(2).actions()).containsExactlyElementsOf(PolicyQuestions.ASSUME_ACTIONS);
        assertThat(grants.get(2).isUnconditioned()).isTrue();
    }
}
