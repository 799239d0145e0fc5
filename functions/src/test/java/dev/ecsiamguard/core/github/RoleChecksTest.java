package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleChecksTest {

    private static final String ARN = "arn:aws:iam::123456789012:role/deploy";
    private static final NamedPolicy GITHUB_ANY_REPO = trust("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
            + "'Principal':{'Federated':'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'},"
            + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringEquals':"
            + "{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
            + "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:*'}}}]}");
    private static final NamedPolicy ECS_TASKS = trust("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
            + "'Principal':{'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}]}");
    private static final NamedPolicy ADMIN = new NamedPolicy("admin", PolicyDocument.parseIdentity(json(
            "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}")));

    @Test
    void check_whenRoleTrustsGitHubAndPermissionsKnown_runsTrustGitHubAndDeployRules() {
        Report report = RoleChecks.check(role(Optional.of(GITHUB_ANY_REPO), Optional.of(List.of(ADMIN)), false),
                RoleChecks.Expectation.none(), List.of());

        assertThat(ids(report)).contains("OIDC-SUB-WILDCARD", "DEPLOY-ADMIN");
        assertThat(report.subject()).isEqualTo(ARN);
    }

    @Test
    void check_whenRoleDoesNotTrustGitHub_leavesItsPermissionsToOtherRules() {
        Report report = RoleChecks.check(role(Optional.of(ECS_TASKS), Optional.of(List.of(ADMIN)), false),
                RoleChecks.Expectation.none(), List.of());

        assertThat(ids(report)).contains("TRUST-CONFUSED-DEPUTY").noneMatch(id -> id.startsWith("DEPLOY-"))
                .noneMatch(id -> id.startsWith("OIDC-"));
    }

    @Test
    void check_whenPermissionsUnknown_runsNoDeployRule() {
        Report report = RoleChecks.check(role(Optional.of(GITHUB_ANY_REPO), Optional.empty(), false),
                RoleChecks.Expectation.none(), List.of());

        assertThat(ids(report)).contains("OIDC-SUB-WILDCARD").noneMatch(id -> id.startsWith("DEPLOY-"));
    }

    @Test
    void check_whenNoTrustPolicy_runsDeployRulesOnThePermissions() {
        RoleDocuments bare = new RoleDocuments("policy.json", Optional.empty(), Optional.empty(),
                Optional.of(List.of(ADMIN)), Optional.empty(), Map.of(), false);

        Report report = RoleChecks.check(bare, RoleChecks.Expectation.none(), List.of());

        assertThat(ids(report)).contains("DEPLOY-ADMIN").noneMatch(id -> id.startsWith("OIDC-"));
        assertThat(report.findings()).allMatch(f -> f.resourceArn().equals("policy.json"));
    }

    @Test
    void check_whenEcsRoleDoesNotTrustEcsTasks_reportsExecTrust() {
        assertThat(ids(RoleChecks.check(role(Optional.of(GITHUB_ANY_REPO), Optional.empty(), true),
                RoleChecks.Expectation.none(), List.of()))).contains("EXEC-TRUST");
        assertThat(ids(RoleChecks.check(role(Optional.of(GITHUB_ANY_REPO), Optional.empty(), false),
                RoleChecks.Expectation.none(), List.of()))).doesNotContain("EXEC-TRUST");
    }

    @Test
    void check_whenEarlierErrors_keepsThemSoTheReportFails() {
        RuleError parse = new RuleError("PARSE", ARN, "policy `x`: broken");

        Report report = RoleChecks.check(role(Optional.of(ECS_TASKS), Optional.of(List.of()), false),
                RoleChecks.Expectation.none(), List.of(parse));

        assertThat(report.errors()).containsExactly(parse);
    }

    @Test
    void trustsGitHub_whenTrustNamesGitHubProvider_isTrueOtherwiseFalse() {
        assertThat(RoleChecks.trustsGitHub(ARN, GITHUB_ANY_REPO)).isTrue();
        assertThat(RoleChecks.trustsGitHub(ARN, ECS_TASKS)).isFalse();
    }

    @Test
    void name_whenArnOrBareSubject_isLastPathSegmentOrSubject() {
        assertThat(role(Optional.empty(), Optional.empty(), false).name()).isEqualTo("deploy");
        assertThat(new RoleDocuments("dir/p.json", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false).name()).isEqualTo("dir/p.json");
    }

    private static RoleDocuments role(Optional<NamedPolicy> trust, Optional<List<NamedPolicy>> permissions,
                                      boolean ecsRole) {
        return new RoleDocuments(ARN, Optional.of("123456789012"), trust, permissions, Optional.empty(), Map.of(),
                ecsRole);
    }

    private static List<String> ids(Report report) {
        return report.findings().stream().map(Finding::rule).map(r -> r.id()).toList();
    }

    private static NamedPolicy trust(String singleQuoted) {
        return new NamedPolicy("trust", PolicyDocument.parseTrust(json(singleQuoted)));
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
