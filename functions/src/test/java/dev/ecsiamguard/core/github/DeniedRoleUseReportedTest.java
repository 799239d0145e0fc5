package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.Severity;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeniedRoleUseReportedTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecs-payments-api-github-deploy";

    private static Report judge(String subject) {
        RoleUse use = new RoleUse(ROLE, GitHubSubject.parse(subject), "sts.amazonaws.com", "event-1");
        return DeniedRoleUseReported.judge(new DeniedRoleUseReported.Attempt(use, "AccessDenied", "203.0.113.7",
                Set.of("acme")));
    }

    @Test
    void judge_whenAnotherOwnerIsDenied_isOidcRtDeniedAttemptAtHighNamingWhoAndWhere() {
        Finding finding = judge("repo:evil/probe:ref:refs/heads/main").findings().get(0);

        assertThat(finding.rule().id()).isEqualTo("OIDC-RT-DENIED-ATTEMPT");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.message()).contains("evil/probe", "203.0.113.7", "AccessDenied",
                "evil is not a configured GitHub owner");
    }

    @Test
    void judge_whenAConfiguredOwnersOtherBranchIsDenied_isMedium() {
        Report report = judge("repo:acme/payments-api:ref:refs/heads/feature");

        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.severity())
                .isEqualTo(Severity.MEDIUM));
        assertThat(report.errors()).isEmpty();
    }
}
