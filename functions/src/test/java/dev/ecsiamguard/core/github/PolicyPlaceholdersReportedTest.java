package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.policy.Placeholders;
import dev.ecsiamguard.core.policy.PolicyKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POLICY-PLACEHOLDER says, at Informational, which parts were judged at their cautious reading. */
class PolicyPlaceholdersReportedTest {

    private static final PolicyPlaceholdersReported RULE = new PolicyPlaceholdersReported();

    @Test
    void check_whenPlaceholders_namesEachStatementFieldAndReading() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":[\"${kms_arn}\",\"arn:aws:sns:eu-west-2:${account_id}:topic\"]}]}";
        List<Placeholders.Unjudged> unjudged = Placeholders.render(policy, PolicyKind.IDENTITY).unjudged();

        assertThat(RULE.check(new PolicyPlaceholdersReported.Subject("p.json", unjudged))).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule().id()).isEqualTo("POLICY-PLACEHOLDER");
                    assertThat(f.severity()).isEqualTo(Severity.INFORMATIONAL);
                    assertThat(f.message()).contains("2 unrendered placeholder(s)")
                            .contains("statement 1 Resource `${kms_arn}` read as `*`")
                            .contains("read as `arn:aws:sns:eu-west-2:*:topic`");
                });
    }

    @Test
    void check_whenNoPlaceholder_passes() {
        assertThat(RULE.check(new PolicyPlaceholdersReported.Subject("p.json", List.of()))).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("POLICY-PLACEHOLDER")).containsSame(RULE.metadata());
    }
}
