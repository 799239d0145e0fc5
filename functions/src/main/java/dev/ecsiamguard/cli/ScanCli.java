package dev.ecsiamguard.cli;

import dev.ecsiamguard.app.SweepAccounts;
import dev.ecsiamguard.app.SweepConfig;
import dev.ecsiamguard.app.SweepRunner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.sweep.SweepReport;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * `scripts/scan`: the sweep in-process, against whatever the standard AWS variables point at (an account, or
 * moto). Exit codes are those of `scripts/validate`: 0 passed, 1 a finding at or above the threshold or anything
 * not judged (an unreachable account, an item, a rule), 2 usage error or a sweep that could not start.
 */
public final class ScanCli {

    static final String USAGE = """
            usage: scripts/scan [--format text|json|sarif] [--threshold critical|high|medium|low|info]
                                [--output FILE] [--workers N] [--batch N] [--organization] [--member-role NAME]
              Judges everything in the account (or every ACTIVE account of the organization): each service's
              running revision, each family's latest ACTIVE revision, the roles ECS tasks or GitHub Actions may
              assume, every cluster and GitHub's OIDC provider. Exit 0 passed, 1 failed, 2 usage or cannot start.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    ScanCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String term = System.getenv("TERM");
        boolean terminal = System.console() != null && term != null && !term.equals("dumb");
        System.exit(new ScanCli(System.getenv(), out, err, terminal).run(args));
    }

    int run(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("format", "text", "workers", "4", "batch", "25"));
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return ValidationRun.PASSED;
                    }
                    case "--organization" -> options.put("organization", "true");
                    case "--format", "--threshold", "--output", "--workers", "--batch", "--member-role" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        options.put(arg.substring(2), args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown argument `" + arg + "`");
                }
            }
            return scan(options);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return ValidationRun.UNUSABLE;
        }
    }

    private int scan(Map<String, String> options) {
        String format = options.get("format").toLowerCase(Locale.ROOT);
        if (!format.matches("text|json|sarif")) {
            throw new IllegalArgumentException("--format must be text, json or sarif");
        }
        int workers = number(options, "workers", 64);
        int batch = number(options, "batch", 1000);
        Map<String, String> settings = new HashMap<>(env);
        if (options.containsKey("threshold")) {
            settings.put("SEVERITY_THRESHOLD", Severity.parse(options.get("threshold")).name());
        }
        SweepConfig config = SweepConfig.fromEnvironment(settings);
        if (options.containsKey("organization") || options.containsKey("member-role")) {
            config = config.withOrganization(true, options.getOrDefault("member-role", config.memberRoleName()));
        }
        SweepReport report;
        long started = System.nanoTime();
        SweepAccounts accounts;
        try {
            AwsClients clients = new AwsClients(AwsSettings.fromEnvironment(env), SweepAccounts.MAX_ATTEMPTS);
            accounts = new SweepAccounts(config, clients, clients.accountId(env));
            report = new SweepRunner(config, accounts, workers, batch, new ScanProgress(err, terminal))
                    .run("local-" + UUID.randomUUID());
        } catch (RuntimeException e) {
            err.println("error: the sweep could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ValidationRun.UNUSABLE;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long calls = accounts.callCount();
        err.printf(Locale.ROOT, "%d item(s) in %.1f s (%.1f items/s), %d AWS calls (%.2f per item)%n",
                report.itemCount(), seconds, report.itemCount() / Math.max(seconds, 1e-9), calls,
                report.itemCount() == 0 ? 0.0 : (double) calls / report.itemCount());
        String rendered = switch (format) {
            case "json" -> Json.write(report.toMap()) + "\n";
            case "sarif" -> SweepSarif.render(report);
            default -> SweepText.render(report);
        };
        if (options.containsKey("output")) {
            try {
                Path output = Path.of(options.get("output"));
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write --output " + options.get("output") + ": " + e.getMessage());
                return ValidationRun.UNUSABLE;
            }
        } else {
            out.print(rendered);
            out.flush();
        }
        return report.passed() ? ValidationRun.PASSED : ValidationRun.FAILED;
    }

    private static int number(Map<String, String> options, String name, int max) {
        try {
            int n = Integer.parseInt(options.get(name));
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from 1 to " + max);
    }
}
