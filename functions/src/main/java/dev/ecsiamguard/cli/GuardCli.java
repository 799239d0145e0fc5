package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.roles.RoleLookup;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The offline command line for pipelines ({@code ecs-iam-guard validate|check-role <file>...}): parses arguments,
 * runs the shared validator or role checks over each file and prints one format; exit 0 passed, 1 findings at or
 * above the threshold, 2 usage or unusable input.
 */
public final class GuardCli {

    static final String TOOL = "ecs-iam-guard";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final AccountRoleLookupFactory account;
    private final Path workingDirectory;

    GuardCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
             AccountRoleLookupFactory account, Path workingDirectory) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.account = account;
        this.workingDirectory = workingDirectory;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String term = System.getenv("TERM");
        boolean terminal = System.console() != null && term != null && !term.equals("dumb");
        int code = new GuardCli(System.getenv(), out, err, terminal, AccountRoleLookupFactory.IAM_API,
                Path.of("")).run(args);
        System.exit(code);
    }

    /** Runs one command and returns its exit code; never calls {@code System.exit}, so tests run it in-process. */
    int run(String[] args) {
        try {
            CliOptions options = CliOptionsParser.parse(args, env);
            if (options.isHelp()) {
                out.print(CliOptionsParser.USAGE);
                return ValidationRun.PASSED;
            }
            return options.isCheckRole() ? checkRole(options) : validate(options);
        } catch (CliFailure e) {
            err.println("error: " + e.getMessage());
            if (e.isUsage()) {
                err.println("run `" + TOOL + " --help` for usage");
            }
            return ValidationRun.UNUSABLE;
        }
    }

    private int validate(CliOptions options) throws CliFailure {
        OpenedRoles roles = new RoleSources(env, account).open(options.roles(), err);
        TaskDefinitionContext context = TaskDefinitionContext.defaults().withAccountId(options.accountId());
        if (!options.allowedRegistries().isEmpty()) {
            context = context.withAllowedImageRegistries(options.allowedRegistries());
        }
        FileValidator files = new FileValidator(new TaskDefinitionValidator(context, defaultRegion()), roles.lookup(),
                workingDirectory);
        List<FileResult> results = options.files().stream().map(files::validate).toList();
        return emit(options, new ValidationRun(results, roles, options.threshold()));
    }

    private int checkRole(CliOptions options) throws CliFailure {
        DeploymentExpectations expectations = DeploymentExpectations.open(options.deployments(), env);
        RoleFileChecker checker = new RoleFileChecker(new RoleFileReader(options.ecsRole()), expectations,
                new InputFiles(workingDirectory), Optional.ofNullable(options.policyKind()));
        List<FileResult> results = options.files().stream().flatMap(f -> checker.check(f).stream()).toList();
        OpenedRoles source = new OpenedRoles(RoleLookup.SKIPPED, "files", true, expectations.note());
        return emit(options, new ValidationRun(results, source, options.threshold(), CliOptions.CHECK_ROLE));
    }

    private int emit(CliOptions options, ValidationRun run) throws CliFailure {
        List<FileResult> results = run.results();
        boolean colour = terminal && options.output() == null && env.getOrDefault("NO_COLOR", "").isEmpty();
        String rendered = RunFormatter.of(options.format(), colour).render(run);
        if (options.output() != null) {
            write(options.output(), rendered);
        } else {
            out.print(rendered);
            out.flush();
        }
        if (options.format() != OutputFormat.TEXT || options.output() != null) {
            results.stream().filter(FileResult.Failed.class::isInstance).map(FileResult.Failed.class::cast)
                    .forEach(f -> err.println("error: " + f.file() + ": " + f.message()));
        }
        return run.exitCode();
    }

    private void write(Path output, String rendered) throws CliFailure {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.input("cannot write --output " + output + ": " + e.getMessage());
        }
    }

    // Used only when the file itself does not tell (no ARN, no ECR image, no awslogs region, no secret ARN).
    private String defaultRegion() {
        String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        return region == null || region.isBlank() ? null : region.trim();
    }
}
