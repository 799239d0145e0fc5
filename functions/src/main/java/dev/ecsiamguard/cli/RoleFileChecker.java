package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.github.PolicyPlaceholdersReported;
import dev.ecsiamguard.core.github.PolicyRoleKind;
import dev.ecsiamguard.core.github.RoleChecks;
import dev.ecsiamguard.core.github.RoleDocuments;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.roles.GaadParseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one role document file and checks each role in it, turning every input problem into a value. */
final class RoleFileChecker {

    private final RoleFileReader reader;
    private final DeploymentExpectations expectations;
    private final InputFiles files;
    private final Optional<PolicyRoleKind> policyKind;

    /** @param policyKind what bare permission policies are judged as ({@code --kind}); empty to infer it */
    RoleFileChecker(RoleFileReader reader, DeploymentExpectations expectations, InputFiles files,
                    Optional<PolicyRoleKind> policyKind) {
        this.reader = reader;
        this.expectations = expectations;
        this.files = files;
        this.policyKind = policyKind;
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
        boolean barePolicy = roles.kind() == RoleFile.Kind.PERMISSION_POLICY;
        return roles.entries().stream().<FileResult>map(entry -> {
            if (barePolicy && entry.documents().isPresent()) {
                return barePolicy(shown, text, kind, entry, entry.documents().get());
            }
            Report report = entry.documents()
                    .map(d -> RoleChecks.check(d, expectations.of(d), List.of()))
                    .orElseGet(() -> new Report(entry.subject(), List.of(), entry.problem().stream().toList()));
            return new FileResult.Checked(shown, text, new FileResult.Subject(kind, entry.subject(), entry.note()),
                    withPlaceholders(report, entry));
        }).toList();
    }

    private FileResult barePolicy(String shown, String text, String kind, RoleFile.Entry entry,
                                  RoleDocuments documents) {
        RoleChecks.PolicyJudgement judged = RoleChecks.checkBarePolicy(documents, expectations.of(documents),
                policyKind);
        String note = entry.note() + ": judged as " + judged.kind().description() + " (" + judged.kind().option()
                + (judged.inferred() ? ", inferred: " + judged.evidence() + "; choose with --kind" : ", "
                + judged.evidence()) + ")" + (judged.kind() == PolicyRoleKind.EXECUTION
                || judged.kind() == PolicyRoleKind.TASK ? "; the rules that need a task definition did not run "
                + "(use validate for those)" : "");
        return new FileResult.Checked(shown, text, new FileResult.Subject(kind, entry.subject(), note,
                judged.kind().option(), judged.inferred()), withPlaceholders(judged.report(), entry));
    }

    /** The report with the entry's placeholders said (an informational finding), when it has any. */
    private static Report withPlaceholders(Report report, RoleFile.Entry entry) {
        if (entry.unjudged().isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        List<RuleError> errors = new ArrayList<>(report.errors());
        PolicyPlaceholdersReported.run(new PolicyPlaceholdersReported.Subject(entry.subject(), entry.unjudged()),
                findings, errors);
        return new Report(report.subject(), findings, errors);
    }
}
