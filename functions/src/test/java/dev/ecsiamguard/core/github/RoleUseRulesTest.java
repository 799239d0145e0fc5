package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.provision.Reconciler;
import dev.ecsiamguard.core.provision.RoleState;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OIDC-RT-UNEXPECTED-SUBJECT and OIDC-RT-ROLE-DRIFT on one role use. */
class RoleUseRulesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-payments-api-github-deploy";

    private static Report check(String subject, Optional<GitHubDeployment> expected, Set<String> owners,
                                Optional<RoleState> current) {
        RoleUse use = new RoleUse(ROLE, GitHubSubject.parse(subject), "sts.amazonaws.com", "event-1");
        Optional<dev.ecsiamguard.core.provision.Plan> drift = current.map(role -> new Reconciler().planRole(
                new DeployRoleBlueprint(Deployments.CONFIG, Deployments.SCOPE).desired(expected.get()), role));
        return RoleUseRules.check(new RoleUseRules.Subject(use, expected, owners, drift));
    }

    @Test
    void check_whenAnotherOwnerAssumesTheRole_reportsCritical() {
        Report report = check("repo:evil/payments-api:ref:refs/heads/main", Optional.of(Deployments.payments(false)),
                Set.of("acme"), Optional.empty());

        assertThat(report.errors()).isEmpty();
        assertThat(report.findings()).extracting(f -> f.rule().id() + ":" + f.severity())
                .containsExactly("OIDC-RT-UNEXPECTED-SUBJECT:CRITICAL");
    }

    @Test
    void check_whenConfiguredOwnerButOtherBranch_reportsHigh_andConfiguredSubjectPasses() {
        Optional<GitHubDeployment> payments = Optional.of(Deployments.payments(false));

        assertThat(check("repo:acme/payments-api:ref:refs/heads/feature", payments, Set.of("acme"), Optional.empty())
                .findings()).extracting(f -> f.rule().id() + ":" + f.severity())
                .containsExactly("OIDC-RT-UNEXPECTED-SUBJECT:HIGH");
        assertThat(check("repo:acme/payments-api:ref:refs/heads/main", payments, Set.of("acme"), Optional.empty())
                .findings()).isEmpty();
        assertThat(check("repo:evil/x:ref:refs/heads/main", Optional.empty(), Set.of(), Optional.empty())
                .findings()).as("nothing configured, nothing judged").isEmpty();
    }

    @Test
    void check_whenTheRoleIsMissingWhatProvisioningWrites_reportsRoleDrift() {
        Report report = check("repo:acme/payments-api:ref:refs/heads/main", Optional.of(Deployments.payments(false)),
                Set.of("acme"), Optional.of(RoleState.absent("ecs-payments-api-github-deploy")));

        assertThat(report.findings()).extracting(f -> f.rule().id() + ":" + f.severity())
                .containsExactly("OIDC-RT-ROLE-DRIFT:HIGH");
        assertThat(report.findings().get(0).message()).contains("create role ecs-payments-api-github-deploy");
    }
}
