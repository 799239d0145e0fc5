package dev.ecsiamguard.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDefinitionCheckerTest {

    private static final TaskDefinitionRule BROKEN = new TaskDefinitionRule() {
        @Override
        public RuleMetadata metadata() {
            return new RuleMetadata("TD-BROKEN", Severity.LOW, "Broken rule", "None.");
        }

        @Override
        public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
            throw new IllegalStateException("boom");
        }
    };

    @Test
    void check_whenARuleThrows_reportsRuleErrorAndKeepsOtherFindings() {
        TaskDefinitionChecker checker = new TaskDefinitionChecker(List.of(BROKEN, new ContainersNotPrivileged()),
                TaskDefinitionContext.defaults());

        Report report = checker.check(TaskDefs.with(TaskDefs.container("web").privileged(true)));

        assertThat(report.subject()).isEqualTo(TaskDefs.ARN);
        assertThat(report.findings()).extracting(f -> f.rule().id()).containsExactly("TD-PRIVILEGED");
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo("TD-BROKEN");
            assertThat(e.message()).contains("IllegalStateException").contains("boom");
        });
    }

    @Test
    void check_whenMessagesBuilt_everyFindingIsOneSentenceNamingTheTaskDefinition() {
        TaskDefinition bad = TaskDefs.td().networkMode("host").pidMode("host").ipcMode("host")
                .taskRole(TaskDefs.EXEC_ROLE)
                .container(TaskDefs.container("web").privileged(true).user("root").readonly(false).memory(null)
                        .image("nginx").env("DB_PASSWORD", "hunter2").capAdd("SYS_ADMIN").log(null))
                .volume(new Volume("sock", "/var/run/docker.sock", null))
                .build();

        Report report = TaskDefinitionChecker.withDefaults().check(bad);

        assertThat(report.errors()).isEmpty();
        assertThat(report.findings()).hasSizeGreaterThan(10).allSatisfy(f -> {
            assertThat(f.message()).contains("web-app:3").endsWith(".");
            assertThat(f.fix()).endsWith(".");
            assertThat(f.resourceArn()).isEqualTo(TaskDefs.ARN);
        });
    }
}
