package dev.ecsiamguard.core.provision.capability;

import static dev.ecsiamguard.core.provision.capability.Statements.allow;
import static dev.ecsiamguard.core.provision.capability.Statements.when;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * secrets and ssm: runtime reads under the service's own prefix only; kms: decrypt (and generate data keys) on
 * named keys, only through the AWS services the other capabilities use ({@code kms:ViaService}).
 */
final class SecretGrants {

    private static final Pattern SUB_PATH = Pattern.compile("([A-Za-z0-9_.@-]+/)*[A-Za-z0-9_.@-]*");
    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");

    static final List<String> SECRETS_READ = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
    static final List<String> SSM_READ = List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath");

    private SecretGrants() {
    }

    static List<Map<String, Object>> secrets(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        String name = scope.secretsPrefix() + subPath(d);
        return List.of(allow(sid, SECRETS_READ, scope.arns("secretsmanager", "secret:" + name + "*")));
    }

    // GetParametersByPath is authorized on the path itself, the reads on the parameters below it.
    static List<Map<String, Object>> ssm(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        String path = (scope.parameterPath() + subPath(d)).substring(1);
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> resources = new ArrayList<>(scope.arns("ssm", "parameter/" + base));
        resources.addAll(scope.arns("ssm", "parameter/" + (path.endsWith("/") ? path : path + "/") + "*"));
        return List.of(allow(sid, SSM_READ, resources));
    }

    static List<Map<String, Object>> kms(CapabilityDeclaration d, CapabilityScope scope, String sid,
                                         List<CapabilityDeclaration> all) {
        String value = d.resource().orElseThrow();
        if (value.startsWith("alias/") || value.contains(":alias/")) {
            throw ResourceNames.fail(d, "`" + value + "` is an alias: name the key by its id or ARN");
        }
        List<String> keys = ResourceNames.resolve(d, scope, "kms", "key/", KEY_ID, "a KMS key", value);
        Set<String> services = new LinkedHashSet<>();
        for (CapabilityDeclaration other : all) {
            String endpoint = switch (other.kind()) {
                case S3 -> "s3";
                case DYNAMODB -> "dynamodb";
                case SQS -> "sqs";
                case SNS -> "sns";
                case SECRETS -> "secretsmanager";
                case SSM -> "ssm";
                default -> null;
            };
            if (endpoint != null) {
                scope.regions().forEach(r -> services.add(endpoint + "." + r + ".amazonaws.com"));
            }
        }
        if (services.isEmpty()) {
            throw ResourceNames.fail(d, "kms keys are only granted through another capability's service "
                    + "(s3, dynamodb, sqs, sns, secrets, ssm): declare that capability too");
        }
        List<String> actions = d.effectiveAccess() == Access.READ_WRITE
                ? List.of("kms:Decrypt", "kms:GenerateDataKey") : List.of("kms:Decrypt");
        return List.of(when(allow(sid, actions, keys), "StringEquals", "kms:ViaService", List.copyOf(services)));
    }

    private static String subPath(CapabilityDeclaration d) {
        String sub = d.resource().orElse("");
        if (!SUB_PATH.matcher(sub).matches() || sub.contains("..")) {
            throw ResourceNames.fail(d, "`" + sub + "` must be a path relative to the service's own prefix "
                    + "(letters, digits, `_ . @ -` separated by `/`)");
        }
        return sub;
    }
}
