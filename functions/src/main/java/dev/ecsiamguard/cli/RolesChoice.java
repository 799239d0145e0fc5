package dev.ecsiamguard.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code --roles} says role details come from; kept as a value so the default (from the environment) and
 * an explicit choice can be told apart when the account source is not available.
 *
 * @param gaadFile the saved account details for {@link Source#GAAD}, else {@code null}
 * @param explicit whether the user chose it, as opposed to the default derived from the environment
 */
record RolesChoice(Source source, Path gaadFile, boolean explicit) {

    /** The three sources the issue names: the live account, a saved file, or none. */
    enum Source { SKIP, ACCOUNT, GAAD }

    /** Environment variables whose presence means AWS credentials (or a local AWS) are at hand. */
    private static final String[] AWS_HINTS = {"AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"};

    /** {@code account} when credentials or {@code AWS_ENDPOINT_URL} are set, else {@code skip}. */
    static RolesChoice defaultFor(Map<String, String> env) {
        for (String name : AWS_HINTS) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new RolesChoice(Source.ACCOUNT, null, false);
            }
        }
        return new RolesChoice(Source.SKIP, null, false);
    }

    /** Parses {@code skip}, {@code account} or {@code gaad:<file>}. */
    static RolesChoice parse(String value) throws CliFailure {
        if (value.equals("skip")) {
            return new RolesChoice(Source.SKIP, null, true);
        }
        if (value.equals("account")) {
            return new RolesChoice(Source.ACCOUNT, null, true);
        }
        if (value.startsWith("gaad:") && value.length() > "gaad:".length()) {
            return new RolesChoice(Source.GAAD, Path.of(value.substring("gaad:".length())), true);
        }
        throw CliFailure.usage("invalid --roles `" + value + "`: expected skip, account or gaad:<file>");
    }
}
