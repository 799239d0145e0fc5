package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class OidcProviderPlanTest {

    private static final String ARN = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

    @Test
    void change_whenProviderAbsent_createsIt_andWhenPresent_neverReplacesIt() {
        assertThat(OidcProviderPlan.change(OidcProviderState.absent(ARN), "aws")).isPresent();
        assertThat(OidcProviderPlan.change(new OidcProviderState(true, ARN, List.of("sts.amazonaws.com", "other"),
                List.of()), "aws")).isEmpty();
    }

    @Test
    void check_whenProviderAcceptsAnotherAudience_reportsProviderAud() {
        List<Finding> wide = OidcProviderPlan.check(new OidcProviderState(true, ARN,
                List.of("sts.amazonaws.com", "my-app"), List.of()), "aws").findings();
        List<Finding> strict = OidcProviderPlan.check(new OidcProviderState(true, ARN, List.of("sts.amazonaws.com"),
                List.of()), "aws").findings();

        assertThat(wide).extracting(f -> f.rule().id()).contains("OIDC-PROVIDER-AUD");
        assertThat(wide).filteredOn(f -> f.rule().id().equals("OIDC-PROVIDER-AUD"))
                .allSatisfy(f -> assertThat(f.message()).contains("my-app"));
        assertThat(strict).extracting(f -> f.rule().id()).doesNotContain("OIDC-PROVIDER-AUD");
    }

    @Test
    void check_inChina_expectsTheChinaAudience() {
        String cnArn = ARN.replace("arn:aws:", "arn:aws-cn:");

        List<Finding> global = OidcProviderPlan.check(new OidcProviderState(true, cnArn, List.of("sts.amazonaws.com"),
                List.of()), "aws-cn").findings();
        List<Finding> china = OidcProviderPlan.check(new OidcProviderState(true, cnArn,
                List.of("sts.amazonaws.com.cn"), List.of()), "aws-cn").findings();

        assertThat(global).extracting(f -> f.rule().id()).contains("OIDC-PROVIDER-AUD");
        assertThat(china).extracting(f -> f.rule().id()).doesNotContain("OIDC-PROVIDER-AUD");
    }

    @Test
    void check_whenProviderListsThumbprints_reportsThemAsInformationalOnly() {
        List<Finding> findings = OidcProviderPlan.check(new OidcProviderState(true, ARN, List.of("sts.amazonaws.com"),
                List.of("6938fd4d98bab03faadb97b34396831e3780aea1")), "aws").findings();

        assertThat(findings).extracting(f -> f.rule().id() + ":" + f.severity())
                .containsExactly("OIDC-THUMBPRINT:INFORMATIONAL");
        assertThat(OidcProviderPlan.check(OidcProviderState.absent(ARN), "aws").findings()).isEmpty();
    }
}
