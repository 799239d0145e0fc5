package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.github.RoleChecks;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.roles.GaadParseException;
import java.nio.file.Path;
import java.util.List;

/** Reads one role document file and checks each role in it, turning every input problem into a value. */
final class RoleFileChecker {

    private final RoleFileReader reader;
    private final DeploymentExpectations expectations;
    private final InputFiles files;

    RoleFileChecker(RoleFileReader reader, DeploymentExpectations expectations, InputFiles files) {
        this.reader = reader;
        this.expectations = expectations;
        this.files = files;
    }

    /** One result per role; a file that cannot be read or parsed gives a single failure with the location. */
    List<FileResult> check(Path file) {
        String shown = files.display(file);
        String text;
        RoleFile roles;
        try {
            text = files.read(file);
            roles = reader.read(text, shown);
        } catch (InputFiles.Unreadable e) {
            return List.of(new FileResult.Failed(shown, e.getMessage()));
        } catch (PolicyParseException | GaadParseException e) {
            return List.of(new FileResult.Failed(shown, e.getMessage()));
        }
        if (roles.entries().isEmpty()) {
            return List.of(new FileResult.Failed(shown, "RoleDetailList: no roles in the saved account details"));
        }
        String kind = roles.kind().label();
        return roles.entries().stream().<FileResult>map(entry -> {
            Report report = entry.documents()
                    .map(d -> RoleChecks.check(d, expectations.of(d), List.of()))
                    .orElseGet(() -> new Report(entry.subject(), List.of(), entry.problem().stream().toList()));
            return new FileResult.Checked(shown, text, new FileResult.Subject(kind, entry.subject(), entry.note()),
                    report);
        }).toList();
    }
}
