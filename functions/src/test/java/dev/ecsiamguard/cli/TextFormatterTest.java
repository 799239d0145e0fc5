package dev.ecsiamguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFormatterTest {

    private static final ValidationRun RUN = Runs.of("cli/privileged-task-definition.json");

    @Test
    void render_whenFindings_groupsBySeverityWorstFirstWithIndentedFix() {
        String text = new TextFormatter(false).render(RUN);

        assertThat(text).startsWith("ecs-iam-guard validate\nroles: role checks were skipped (--roles skip)\n"
                + "threshold: HIGH\n");
        assertThat(text.indexOf("  HIGH (2)")).isPositive().isLessThan(text.indexOf("  MEDIUM (4)"));
        assertThat(text).contains("    TD-PRIVILEGED  legacy\n      Container agent of task definition legacy runs "
                + "privileged.\n      fix: Set \"privileged\": false on container agent.\n");
        assertThat(text).contains("  FAILED: 0 critical, 2 high, 4 medium, 2 low, 0 info; 2 at or above HIGH\n");
        assertThat(text).doesNotContain("\u001b[");
    }

    @Test
    void render_whenColourEnabled_paintsSeverities() {
        assertThat(new TextFormatter(true).render(RUN)).contains("\u001b[1;31mHIGH (2)\u001b[0m");
    }

    @Test
    void render_whenSeveralFilesAndOneUnusable_endsWithATotalLine() {
        ValidationRun run = Runs.of("cli/clean-task-definition.json", "cli/privileged-task-definition.json",
                "/nonexistent/td.json");

        String text = new TextFormatter(false).render(run);

        assertThat(text).contains("  error: no such file\n")
                .endsWith("\n3 files: 1 passed, 1 failed, 1 unreadable\n");
    }
}
