package dev.ecsiamguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.app.GitHubOidcResult;
import dev.ecsiamguard.app.ServiceReport;
import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.SecurityHubFormat;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.ClusterState;
import dev.ecsiamguard.core.provision.LogGroupState;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.provision.ServiceState;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.testing.RuleSubjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the catalogue, made to throw inside its own family (the other rules of the family still run on
 * an ordinary subject): the error is reported under the rule's id on every surface — the report JSON of events,
 * log lines and the API, the API verdicts, the GitHub results, Security Hub, and the command line's formats and
 * exit code — and no surface says pass, even at the most lenient threshold.
 */
class RuleFailureSurfacesTest {

    static Stream<Arguments> everyRuleOfTheCatalogue() {
        return RuleCatalog.FAMILIES.stream().flatMap(family -> family.rules().stream()
                .map(rule -> Arguments.of(rule.metadata().id(), family)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRuleOfTheCatalogue")
    void aThrowingRule_isAnErrorOnEverySurface_andNothingPasses(String id, RuleCatalog.Family family) {
        Report report = runWithThrowing(id, family);

        assertThat(report.errors()).extracting(RuleError::ruleId).containsExactly(id);
        assertThat(report.errors().get(0).message()).contains(id, "IllegalStateException", "made to fail");
        for (Severity threshold : Severity.values()) {
            assertThat(report.passed(threshold)).as("passed at " + threshold).isFalse();
        }
        assertReportJson(ReportJson.toMap(report, Severity.INFORMATIONAL), id);
        assertApi(report, id);
        assertGitHub(report, id);
        assertSecurityHub(report, id);
        assertCommandLine(report, id);
    }

    /** The family's own rules, with the one rule replaced by one of the same metadata that throws. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Report runWithThrowing(String id, RuleCatalog.Family family) {
        List<Rule<Object>> rules = new ArrayList<>();
        for (Rule<?> rule : family.rules()) {
            rules.add(rule.metadata().id().equals(id) ? throwing(rule.metadata()) : (Rule) rule);
        }
        return RuleRunner.run(rules, RuleSubjects.forFamily(family.name()), RuleSubjects.TD_ARN);
    }

    private static Rule<Object> throwing(RuleMetadata metadata) {
        return new Rule<>() {
            @Override
            public RuleMetadata metadata() {
                return metadata;
            }

            @Override
            public List<Finding> check(Object subject) {
                throw new IllegalStateException("made to fail");
            }
        };
    }

    private static void assertReportJson(Map<String, Object> json, String id) {
        assertThat(json.get("passed")).isEqualTo(false);
        assertThat(Json.write(json.get("errors"))).contains("\"ruleId\":\"" + id + "\"");
    }

    private static void assertApi(Report report, String id) {
        Map<String, Object> validation = ReportJson.withVerdict(report, Severity.CRITICAL);
        assertThat(validation.get("verdict")).isEqualTo("fail");
        ServiceState state = new ServiceState(RoleState.absent("a"), RoleState.absent("b"),
                LogGroupState.absent("/ecs/dev/a"), ClusterState.absent("ecs-dev"));
        String service = Json.write(new ServiceReport("a", "a", true, state, report).toMap(Severity.CRITICAL));
        assertThat(service).contains("\"verdict\":\"fail\"", "\"ruleId\":\"" + id + "\"")
                .doesNotContain("\"verdict\":\"pass\"");
    }

    private static void assertGitHub(Report report, String id) {
        GitHubOidcResult result = new GitHubOidcResult("checked", "check", report.subject(), List.of(), List.of(),
                Optional.of(report), "");
        assertThat(result.hasFindings()).as("published").isTrue();
        assertThat(Json.write(result.toMap())).contains("\"passed\":false", "\"ruleId\":\"" + id + "\"");
    }

    private static void assertSecurityHub(Report report, String id) {
        List<Map<String, Object>> asff = SecurityHubFormat.findings(report, "aws", "us-east-1",
                RuleSubjects.ACCOUNT, Instant.parse("2026-01-01T00:00:00Z"));
        String text = Json.write(asff);
        assertThat(asff).anySatisfy(f -> {
            assertThat(f.get("GeneratorId")).isEqualTo("ecs-iam-guard/" + id);
            assertThat(Json.write(f.get("Compliance"))).contains("NOT_AVAILABLE");
        });
        assertThat(text).doesNotContain("PASSED");
    }

    private static void assertCommandLine(Report report, String id) {
        FileResult.Checked file = new FileResult.Checked("task-definition.json", "{}",
                new FileResult.Subject("task definition", report.subject(), ""), report);
        ValidationRun run = new ValidationRun(List.of(file), new OpenedRoles(RoleLookup.SKIPPED, "skip", false, ""),
                Severity.CRITICAL);

        assertThat(run.exitCode()).isEqualTo(ValidationRun.FAILED);
        assertThat(new JsonFormatter().render(run)).contains("\"passed\":false", "\"exitCode\":1", id);
        assertThat(new SarifFormatter().render(run)).contains(id);
        assertThat(new TextFormatter(false).render(run)).contains("rule error " + id, "FAILED", "1 rule error(s)")
                .doesNotContain("PASSED");
    }
}
