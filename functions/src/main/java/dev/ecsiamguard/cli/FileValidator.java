package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParseException;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.nio.file.Path;

/** Reads, parses and validates one file through the shared validator, turning every input problem into a value. */
final class FileValidator {

    private final TaskDefinitionValidator validator;
    private final RoleLookup roles;
    private final InputFiles files;

    FileValidator(TaskDefinitionValidator validator, RoleLookup roles, Path workingDirectory) {
        this.validator = validator;
        this.roles = roles;
        this.files = new InputFiles(workingDirectory);
    }

    FileResult validate(Path file) {
        String shown = files.display(file);
        String text;
        try {
            text = files.read(file);
        } catch (InputFiles.Unreadable e) {
            return new FileResult.Failed(shown, e.getMessage());
        }
        TaskDefinition td;
        try {
            td = TaskDefinitionParser.parse(text);
        } catch (TaskDefinitionParseException e) {
            return new FileResult.Failed(shown, e.getMessage());
        }
        Report report = validator.validate(td, roles);
        return new FileResult.Checked(shown, text, new FileResult.Subject(FileResult.Subject.TASK_DEFINITION,
                td.displayName(), ""), report);
    }
}
