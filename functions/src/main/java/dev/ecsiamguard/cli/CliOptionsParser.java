package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.github.PolicyRoleKind;
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
                   ecs-iam-guard check-role <role-or-policy.json>... [check-role options]
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

            check-role checks role documents with the same rules the function runs on roles: a trust policy, a
            permission policy, the output of `aws iam get-role`, or of `aws iam get-account-authorization-details`
            (every role in it). One report per role; a bare policy is reported under its file name.
            check-role options: --format, --threshold and --output as above, and
              --github-deployments <file>     a GITHUB_DEPLOYMENTS JSON array: deploy roles named after a
                                              deployment are held to its repository, branches and resources
              --ecs-role                      treat every role as an ECS task or execution role (the ECS trust
                                              rules then apply even when it does not trust ecs-tasks)
              --kind execution|task|deploy|other|auto
                    what a bare permission policy (no trust policy) is for, which decides its rules: execution
                    and task get the ECS role rules that need no task definition (admin, escalation, over-broad
                    grants), deploy the GitHub deploy-role rules, other the admin and escalation rules only.
                    Default auto: inferred by evaluating the policy (deploy actions: deploy; image pulls, or log
                    writes without ECS Exec: execution; ECS Exec channels: task; else other; with --ecs-role a
                    deploy or other result becomes task). The output says which kind was used and why.

            exit codes:
              0  every file passed: no finding at or above the threshold, no rule error
              1  a finding at or above the threshold, or a rule could not run
              2  usage error, or an input that cannot be read or parsed (the error says where)
            """;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final List<String> VALIDATE_OPTIONS = List.of("--roles", "--format", "--threshold", "--output",
            "--allowed-registry", "--account");
    private static final List<String> CHECK_ROLE_OPTIONS = List.of("--format", "--threshold", "--output",
            "--github-deployments", "--kind");

    private CliOptionsParser() {
    }

    static CliOptions parse(String[] args, Map<String, String> env) throws CliFailure {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty()) {
            throw CliFailure.usage("missing command: expected `validate <file>...` or `check-role <file>...`");
        }
        String command = rest.remove(0);
        if (command.equals("-h") || command.equals("--help") || command.equals("help")) {
            return help(env);
        }
        if (!command.equals(CliOptions.VALIDATE) && !command.equals(CliOptions.CHECK_ROLE)) {
            throw CliFailure.usage("unknown command `" + command + "`: expected validate or check-role");
        }
        return options(command, rest, env);
    }

    private static CliOptions options(String command, List<String> args, Map<String, String> env)
            throws CliFailure {
        List<String> valued = command.equals(CliOptions.VALIDATE) ? VALIDATE_OPTIONS : CHECK_ROLE_OPTIONS;
        List<Path> files = new ArrayList<>();
        List<String> registries = new ArrayList<>();
        RolesChoice roles = RolesChoice.defaultFor(env);
        OutputFormat format = OutputFormat.TEXT;
        Severity threshold = CliOptions.DEFAULT_THRESHOLD;
        Path output = null;
        String account = null;
        Path deployments = null;
        boolean ecsRole = false;
        PolicyRoleKind policyKind = null;
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
            if (arg.equals("--ecs-role") && command.equals(CliOptions.CHECK_ROLE)) {
                ecsRole = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && valued.contains(name)) {
                value = args.get(++i);
            } else {
                value = null;
            }
            if (!valued.contains(name)) {
                boolean other = VALIDATE_OPTIONS.contains(name) || CHECK_ROLE_OPTIONS.contains(name)
                        || name.equals("--ecs-role");
                throw CliFailure.usage(other ? "option `" + name + "` does not apply to " + command
                        : "unknown option `" + name + "`");
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
                case "--github-deployments" -> deployments = Path.of(value);
                case "--kind" -> policyKind = kind(value);
                default -> account = account(value);
            }
        }
        if (files.isEmpty()) {
            throw CliFailure.usage(command.equals(CliOptions.VALIDATE)
                    ? "missing file: give at least one task definition JSON file to validate"
                    : "missing file: give at least one role or policy JSON file to check");
        }
        return new CliOptions(command, files, roles, format, threshold, output, registries, account, deployments,
                ecsRole, policyKind);
    }

    private static CliOptions help(Map<String, String> env) {
        return new CliOptions("help", List.of(), RolesChoice.defaultFor(env), OutputFormat.TEXT,
                CliOptions.DEFAULT_THRESHOLD, null, List.of(), null, null, false, null);
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

    /** A kind, or {@code null} for auto (infer it). */
    private static PolicyRoleKind kind(String value) throws CliFailure {
        if (value.equalsIgnoreCase("auto")) {
            return null;
        }
        return PolicyRoleKind.fromOption(value).orElseThrow(() -> CliFailure.usage("invalid --kind `" + value
                + "`: expected execution, task, deploy, other or auto"));
    }

    private static String account(String value) throws CliFailure {
        if (!ACCOUNT.matcher(value).matches()) {
            throw CliFailure.usage("invalid --account `" + value + "`: expected a 12-digit AWS account id");
        }
        return value;
    }
}
