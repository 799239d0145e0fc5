package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the arguments of {@code ecs-iam-guard} strictly: an unknown or incomplete option is a usage error. */
final class CliOptionsParser {

    static final String USAGE = """
            usage: ecs-iam-guard validate <task-definition.json>... [options]
                   ecs-iam-guard --help

            Validates ECS task definition files (as written for `aws ecs register-task-definition`, the output of
            `aws ecs describe-task-definition`, or a bare containerDefinitions array) and, when role details are
            available, the roles they reference.

            options:
              --roles skip|account|gaad:<file>
                    where role details come from: the account of the current AWS credentials (or AWS_ENDPOINT_URL),
                    a saved `aws iam get-account-authorization-details` output, or nowhere (role checks skipped,
                    and the output says so). Default: account when AWS credentials or AWS_ENDPOINT_URL are set,
                    else skip.
              --format text|json|sarif        output format (default text; sarif is SARIF 2.1.0 for code scanning)
              --threshold critical|high|medium|low|info
                    fail (exit 1) when a finding is at or above this severity (default high)
              --output <file>                 write the result to a file instead of standard output
              --allowed-registry <prefix>     an allowed image registry prefix; repeat for several. Replaces the
                                              defaults (own-ecr, public.ecr.aws/); `own-ecr` is the task's own ECR
              --account <id>                  the 12-digit account the task definitions belong to
              -h, --help                      show this help

            exit codes:
              0  every file passed: no finding at or above the threshold, no rule error
              1  a finding at or above the threshold, or a rule could not run
              2  usage error, or an input that cannot be read or parsed (the error says where)
            """;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private CliOptionsParser() {
    }

    static CliOptions parse(String[] args, Map<String, String> env) throws CliFailure {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty()) {
            throw CliFailure.usage("missing command: expected `validate <file>...`");
        }
        String command = rest.remove(0);
        if (command.equals("-h") || command.equals("--help") || command.equals("help")) {
            return help(env);
        }
        if (!command.equals("validate")) {
            throw CliFailure.usage("unknown command `" + command + "`: expected validate");
        }
        return validateOptions(rest, env);
    }

    private static CliOptions validateOptions(List<String> args, Map<String, String> env) throws CliFailure {
        List<Path> files = new ArrayList<>();
        List<String> registries = new ArrayList<>();
        RolesChoice roles = RolesChoice.defaultFor(env);
        OutputFormat format = OutputFormat.TEXT;
        Severity threshold = CliOptions.DEFAULT_THRESHOLD;
        Path output = null;
        String account = null;
        boolean onlyFiles = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyFiles || !arg.startsWith("-") || arg.equals("-")) {
                files.add(Path.of(arg));
                continue;
            }
            if (arg.equals("--")) {
                onlyFiles = true;
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return help(env);
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && isOption(name)) {
                value = args.get(++i);
            } else {
                value = null;
            }
            if (!isOption(name)) {
                throw CliFailure.usage("unknown option `" + name + "`");
            }
            if (value == null || value.isEmpty()) {
                throw CliFailure.usage("option `" + name + "` needs a value");
            }
            switch (name) {
                case "--roles" -> roles = RolesChoice.parse(value);
                case "--format" -> format = format(value);
                case "--threshold" -> threshold = threshold(value);
                case "--output" -> output = Path.of(value);
                case "--allowed-registry" -> registries.add(value);
                default -> account = account(value);
            }
        }
        if (files.isEmpty()) {
            throw CliFailure.usage("missing file: give at least one task definition JSON file to validate");
        }
        return new CliOptions("validate", files, roles, format, threshold, output, registries, account);
    }

    private static boolean isOption(String name) {
        return List.of("--roles", "--format", "--threshold", "--output", "--allowed-registry", "--account")
                .contains(name);
    }

    private static CliOptions help(Map<String, String> env) {
        return new CliOptions("help", List.of(), RolesChoice.defaultFor(env), OutputFormat.TEXT,
                CliOptions.DEFAULT_THRESHOLD, null, List.of(), null);
    }

    private static OutputFormat format(String value) throws CliFailure {
        try {
            return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("invalid --format `" + value + "`: expected text, json or sarif");
        }
    }

    private static Severity threshold(String value) throws CliFailure {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("invalid --threshold `" + value + "`: expected critical, high, medium, low "
                    + "or info");
        }
    }

    private static String account(String value) throws CliFailure {
        if (!ACCOUNT.matcher(value).matches()) {
            throw CliFailure.usage("invalid --account `" + value + "`: expected a 12-digit AWS account id");
        }
        return value;
    }
}
