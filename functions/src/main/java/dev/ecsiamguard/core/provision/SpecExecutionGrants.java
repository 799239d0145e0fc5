package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statements for the ARNs recorded in a spec's execution grants (added by a remediation, e.g. a secret a task
 * definition references). The ARN alone says what it grants: each kind gets the actions the ECS agent needs on it.
 * A KMS key is only ever usable through Secrets Manager in its own region ({@code kms:ViaService}).
 */
public final class SpecExecutionGrants {

    /** One kind of grantable resource: the actions it gets and its statement's Sid. */
    private enum Kind {
        SECRET("GrantedSecrets", "secretsmanager:GetSecretValue"),
        PARAMETER("GrantedParameters", "ssm:GetParameters"),
        KEY("GrantedKeys", "kms:Decrypt"),
        LOG_GROUP("GrantedLogGroups", "logs:CreateLogStream", "logs:PutLogEvents"),
        OBJECT("GrantedObjects", "s3:GetObject"),
        BUCKET("GrantedBuckets", "s3:GetBucketLocation");

        final String sid;
        final List<String> actions;

        Kind(String sid, String... actions) {
            this.sid = sid;
            this.actions = List.of(actions);
        }
    }

    private SpecExecutionGrants() {
    }

    /** Throws when the ARN is not one of the kinds an execution role can be granted. */
    public static String require(String arn) {
        kindOf(arn);
        return arn;
    }

    /** The actions a recorded ARN grants. Throws for an ARN that is not grantable. */
    public static List<String> actionsFor(String arn) {
        return kindOf(arn).actions;
    }

    /** The {@code kms:ViaService} value a key grant is conditioned on: Secrets Manager in the key's region. */
    public static String viaService(String keyArn) {
        return "secretsmanager." + keyArn.split(":", 6)[3] + ".amazonaws.com";
    }

    /** The statement that grants {@code kms:Decrypt} on one key through Secrets Manager only, as compact JSON. */
    public static String keyStatement(String keyArn) {
        return Json.write(Json.object("Effect", "Allow", "Action", Kind.KEY.actions.get(0), "Resource", keyArn,
                "Condition", viaServiceCondition(List.of(viaService(keyArn)))));
    }

    static List<Map<String, Object>> statements(List<String> grants) {
        Map<Kind, List<String>> byKind = new TreeMap<>();
        for (String arn : grants) {
            byKind.computeIfAbsent(kindOf(arn), k -> new ArrayList<>()).add(arn);
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        byKind.forEach((kind, arns) -> {
            if (kind == Kind.KEY) {
                statements.addAll(keyStatements(arns));
            } else {
                statements.add(ServiceBlueprint.allow(kind.sid, kind.actions, ServiceBlueprint.oneOrMany(arns)));
            }
        });
        return statements;
    }

    // One statement per region, so a key is usable only through Secrets Manager in its own region (Sids unique).
    private static List<Map<String, Object>> keyStatements(List<String> keys) {
        Map<String, List<String>> byRegion = new TreeMap<>();
        keys.forEach(k -> byRegion.computeIfAbsent(k.split(":", 6)[3], r -> new ArrayList<>()).add(k));
        List<Map<String, Object>> statements = new ArrayList<>();
        byRegion.forEach((region, arns) -> {
            Map<String, Object> statement = ServiceBlueprint.allow(Kind.KEY.sid + sidPart(region), Kind.KEY.actions,
                    ServiceBlueprint.oneOrMany(arns));
            statement.put("Condition", viaServiceCondition(List.of(viaService(arns.get(0)))));
            statements.add(statement);
        });
        return statements;
    }

    private static Map<String, Object> viaServiceCondition(List<String> services) {
        return Json.object("StringEquals", Json.object("kms:ViaService", ServiceBlueprint.oneOrMany(services)));
    }

    // eu-west-1 -> EuWest1: Sids are alphanumeric.
    private static String sidPart(String region) {
        StringBuilder sid = new StringBuilder();
        for (String part : region.split("-")) {
            sid.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sid.toString();
    }

    private static Kind kindOf(String arn) {
        String[] parts = arn.split(":", 6);
        Kind kind = parts.length < 6 || !parts[0].equals("arn") || parts[5].isEmpty() ? null : switch (parts[2]) {
            case "secretsmanager" -> parts[5].startsWith("secret:") ? Kind.SECRET : null;
            case "ssm" -> parts[5].startsWith("parameter/") ? Kind.PARAMETER : null;
            case "kms" -> parts[5].startsWith("key/") ? Kind.KEY : null;
            // A log group's streams are created at run time: `:*` after the group's name, and only there.
            case "logs" -> parts[5].startsWith("log-group:") && parts[5].endsWith(":*") ? Kind.LOG_GROUP : null;
            case "s3" -> parts[3].isEmpty() && parts[4].isEmpty()
                    ? (parts[5].contains("/") ? Kind.OBJECT : Kind.BUCKET) : null;
            default -> null;
        };
        String rest = kind == Kind.LOG_GROUP ? arn.substring(0, arn.length() - 2) : arn;
        if (kind == null || rest.contains("*") || rest.contains("?") || parts[3].contains("*")) {
            throw new IllegalArgumentException("execution grant `" + arn + "` is not the ARN of one secret,"
                    + " parameter, KMS key, log group (`:*`), S3 object or bucket (no wildcards)");
        }
        return kind;
    }
}
