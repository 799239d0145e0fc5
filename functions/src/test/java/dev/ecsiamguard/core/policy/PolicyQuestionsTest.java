package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.Policies.identity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyQuestionsTest {

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
