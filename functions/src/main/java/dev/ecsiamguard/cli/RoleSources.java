package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.roles.GaadParseException;
import dev.ecsiamguard.core.roles.GaadRoleLookup;
import dev.ecsiamguard.core.roles.RoleLookup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** Turns the {@code --roles} choice into a lookup, falling back to "skipped" only when the user did not choose. */
final class RoleSources {

    private final Map<String, String> env;
    private final AccountRoleLookupFactory account;

    RoleSources(Map<String, String> env, AccountRoleLookupFactory account) {
        this.env = env;
        this.account = account;
    }

    OpenedRoles open(RolesChoice choice, PrintStream err) throws CliFailure {
        return switch (choice.source()) {
            case SKIP -> skipped(choice.explicit() ? "role checks were skipped (--roles skip)"
                    : "role checks were skipped: no AWS credentials or AWS_ENDPOINT_URL in the environment and no "
                    + "--roles gaad:<file>");
            case GAAD -> gaad(choice);
            case ACCOUNT -> account(choice, err);
        };
    }

    private OpenedRoles gaad(RolesChoice choice) throws CliFailure {
        String text;
        try {
            text = Files.readString(choice.gaadFile(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw CliFailure.input("cannot read --roles file " + choice.gaadFile() + ": " + e.getMessage());
        }
        try {
            GaadRoleLookup lookup = GaadRoleLookup.parse(text);
            String incomplete = lookup.incompleteRoles().isEmpty() ? ""
                    : ", " + lookup.incompleteRoles().size() + " with policy documents missing from the file, so "
                    + "treated as unknown";
            return new OpenedRoles(lookup, "gaad:" + choice.gaadFile(), true, "roles from the saved account "
                    + "details " + choice.gaadFile() + " (" + lookup.size() + " roles" + incomplete + ")");
        } catch (GaadParseException e) {
            throw CliFailure.input(choice.gaadFile() + ": " + e.getMessage());
        }
    }

    private OpenedRoles account(RolesChoice choice, PrintStream err) throws CliFailure {
        try {
            RoleLookup lookup = account.create(env);
            return new OpenedRoles(lookup, "account", true, "roles from the AWS account of the current "
                    + "credentials");
        } catch (UnsupportedOperationException | software.amazon.awssdk.core.exception.SdkException e) {
            // Credentials that cannot reach IAM: fatal when asked for explicitly, a stated skip when only defaulted.
            String reason = "the account could not be reached: " + e.getMessage();
            if (choice.explicit()) {
                throw CliFailure.input(reason);
            }
            err.println("warning: " + reason);
            return skipped("role checks were skipped: " + reason);
        }
    }

    private static OpenedRoles skipped(String note) {
        return new OpenedRoles(RoleLookup.SKIPPED, "skip", false, note);
    }
}
