package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code valueFrom} and {@code credentialsParameter} values into the ARNs IAM evaluates (rules-catalog §6.4):
 * a Secrets Manager ARN loses its {@code :json-key:stage:id} fields, a bare name is an SSM parameter (or, for
 * registry credentials, a secret) in the task's own region and account.
 */
final class SecretReferences {

    static final String SSM_REFERENCE = "parameter/aws/reference/secretsmanager/";

    private SecretReferences() {
    }

    /** One injected value: which container, under which name, from where (never the value itself). */
    record Reference(String container, String name, String valueFrom, boolean logOption) {

        String why() {
            return (logOption ? "log secret option " : "secret ") + name + " of container " + container;
        }
    }

    /** Every {@code secrets[]} and {@code logConfiguration.secretOptions[]} entry of every container. */
    static List<Reference> all(TaskDefinition td) {
        List<Reference> refs = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            c.secrets().forEach(s -> refs.add(new Reference(c.displayName(), s.name(), s.valueFrom(), false)));
            if (c.logConfiguration() != null) {
                c.logConfiguration().secretOptions().forEach(s -> refs.add(new Reference(c.displayName(), s.name(),
                        s.valueFrom(), true)));
            }
        }
        return refs;
    }

    /** Where a reference points. {@code partial} marks a secret ARN without its 6-character suffix. */
    record Target(String service, String arn, String fixArn, boolean partial) {

        boolean isSecret() {
            return service.equals("secretsmanager");
        }
    }

    /** The target of a secret reference, or empty for a malformed or templated one (another rule reports it). */
    static Optional<Target> resolve(String valueFrom, boolean registryCredentials, RoleAnalysisContext ctx) {
        if (valueFrom == null || valueFrom.isBlank() || valueFrom.contains("${") || valueFrom.contains("<")) {
            return Optional.empty();
        }
        String v = valueFrom.strip();
        if (!v.startsWith("arn:")) {
            return Optional.of(registryCredentials ? secret(ctx.arn("secretsmanager", "secret:" + v))
                    : parameter(ctx.arn("ssm", "parameter/" + (v.startsWith("/") ? v.substring(1) : v))));
        }
        String[] parts = v.split(":", -1);
        if (parts.length < 6) {
            return Optional.empty();
        }
        if (parts[2].equals("secretsmanager") && parts.length >= 7 && parts[5].equals("secret")) {
            return Optional.of(secret(String.join(":", java.util.Arrays.copyOf(parts, 7))));
        }
        if (parts[2].equals("ssm") && parts[5].startsWith("parameter/")) {
            return Optional.of(parameter(v));
        }
        return Optional.empty();
    }

    /** For an SSM parameter that references Secrets Manager, the secret it reads through. */
    static Optional<Target> referencedSecret(Target parameter) {
        String resource = ArnParts.resource(parameter.arn());
        if (parameter.isSecret() || !resource.startsWith(SSM_REFERENCE)) {
            return Optional.empty();
        }
        String[] parts = parameter.arn().split(":", 6);
        String name = resource.substring(SSM_REFERENCE.length());
        return Optional.of(secret("arn:" + parts[1] + ":secretsmanager:" + parts[3] + ":" + parts[4] + ":secret:"
                + name));
    }

    private static Target secret(String base) {
        String name = base.substring(base.lastIndexOf(':') + 1);
        boolean partial = !name.matches(".+-[A-Za-z0-9]{6}");
        // IAM sees the full ARN with its random suffix; a pattern with six ? matches exactly that suffix.
        return partial ? new Target("secretsmanager", base + "-AbCdEf", base + "-??????", true)
                : new Target("secretsmanager", base, base, false);
    }

    private static Target parameter(String arn) {
        return new Target("ssm", arn, arn, false);
    }
}
