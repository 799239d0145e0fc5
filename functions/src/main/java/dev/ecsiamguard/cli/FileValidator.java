package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParseException;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads, parses and validates one file through the shared validator, turning every input problem into a value. */
final class FileValidator {

    private final TaskDefinitionValidator validator;
    private final RoleLookup roles;
    private final Path workingDirectory;

    FileValidator(TaskDefinitionValidator validator, RoleLookup roles, Path workingDirectory) {
        this.validator = validator;
        this.roles = roles;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    FileResult validate(Path file) {
        String shown = display(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new FileResult.Failed(shown, "no such file");
        } catch (MalformedInputException e) {
            return new FileResult.Failed(shown, "not UTF-8 text");
        } catch (IOException e) {
            return new FileResult.Failed(shown, "cannot read: " + e.getMessage());
        }
        TaskDefinition td;
        try {
            td = TaskDefinitionParser.parse(text);
        } catch (TaskDefinitionParseException e) {
            return new FileResult.Failed(shown, e.getMessage());
        }
        Report report = validator.validate(td, roles);
        return new FileResult.Checked(shown, text, td, report);
    }

    /** The path relative to the working directory when under it (SARIF needs repository-relative URIs). */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : file;
        return shown.toString().replace('\\', '/');
    }
}
