package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.nio.file.Path;
import java.util.List;

/** Builds {@link ValidationRun}s from test resources for the formatter tests. */
final class Runs {

    static final OpenedRoles SKIPPED = new OpenedRoles(RoleLookup.SKIPPED, "skip", false,
            "role checks were skipped (--roles skip)");

    private Runs() {
    }

    static ValidationRun of(String... resources) {
        FileValidator files = new FileValidator(new TaskDefinitionValidator(TaskDefinitionContext.defaults()),
                RoleLookup.SKIPPED, Path.of(""));
        List<FileResult> results = List.of(resources).stream()
                .map(r -> r.startsWith("/") ? Path.of(r) : Path.of(CliRun.resource(r)))
                .map(files::validate).toList();
        return new ValidationRun(results, SKIPPED, Severity.HIGH);
    }

    static FileResult.Checked checked(ValidationRun run, int index) {
        return (FileResult.Checked) run.results().get(index);
    }
}
