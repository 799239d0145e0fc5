package dev.ecsiamguard.core.provision.capability;

import static dev.ecsiamguard.core.provision.capability.Statements.allow;
import static dev.ecsiamguard.core.provision.capability.Statements.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** s3, dynamodb and efs: data actions only, on the named bucket prefix, table or file system. */
final class StorageGrants {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?");
    private static final Pattern S3_ARN = Pattern.compile("arn:([a-z-]+):s3:::(.+)");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern FILE_SYSTEM = Pattern.compile("fs-[0-9a-f]{8,40}");
    private static final Pattern ACCESS_POINT = Pattern.compile("fsap-[0-9a-f]{8,40}");

    static final List<String> S3_READ = List.of("s3:GetObject", "s3:GetObjectVersion");
    static final List<String> S3_WRITE = List.of("s3:PutObject", "s3:AbortMultipartUpload");
    static final List<String> DYNAMODB_READ = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:Scan", "dynamodb:ConditionCheckItem");
    static final List<String> DYNAMODB_WRITE = List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

    private StorageGrants() {
    }

    // S3 ARNs carry no account, so every statement also requires the bucket to be in this account.
    static List<Map<String, Object>> s3(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        String value = d.resource().orElseThrow();
        Matcher arn = S3_ARN.matcher(value);
        if (arn.matches() && !arn.group(1).equals(scope.partition())) {
            throw ResourceNames.fail(d, "`" + value + "` is in partition " + arn.group(1) + ", not "
                    + scope.partition());
        }
        String path = arn.matches() ? arn.group(2) : value;
        if (value.startsWith("arn:") && !arn.matches()) {
            throw ResourceNames.fail(d, "`" + value + "` is not an S3 bucket ARN (`arn:" + scope.partition()
                    + ":s3:::bucket[/prefix]`)");
        }
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : path.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw ResourceNames.fail(d, "`" + bucket + "` is not a valid S3 bucket name");
        }
        if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
            throw ResourceNames.fail(d, "`" + prefix + "` is not a key prefix of letters, digits, `_ . -` and `/`");
        }
        String keyPrefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        String bucketArn = "arn:" + scope.partition() + ":s3:::" + bucket;
        List<String> objectActions = new ArrayList<>();
        if (d.effectiveAccess() != Access.WRITE) {
            objectActions.addAll(S3_READ);
        }
        if (d.effectiveAccess() != Access.READ) {
            objectActions.addAll(S3_WRITE);
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(ownAccount(allow(sid + "Objects", objectActions, List.of(bucketArn + "/" + keyPrefix + "*")),
                scope));
        if (d.effectiveAccess() != Access.WRITE) {
            Map<String, Object> list = ownAccount(allow(sid + "List", List.of("s3:ListBucket"), List.of(bucketArn)),
                    scope);
            if (!keyPrefix.isEmpty()) {
                when(list, "StringLike", "s3:prefix", List.of(keyPrefix, keyPrefix + "*"));
            }
            statements.add(list);
        }
        return statements;
    }

    static List<Map<String, Object>> dynamodb(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        List<String> tables = ResourceNames.resolve(d, scope, "dynamodb", "table/", TABLE, "a DynamoDB table",
                d.resource().orElseThrow());
        List<String> resources = new ArrayList<>();
        tables.forEach(table -> {
            resources.add(table);
            resources.add(table + "/index/*");
        });
        List<String> actions = new ArrayList<>(DYNAMODB_READ);
        if (d.effectiveAccess() == Access.READ_WRITE) {
            actions.addAll(DYNAMODB_WRITE);
        }
        return List.of(allow(sid, actions, resources));
    }

    static List<Map<String, Object>> efs(CapabilityDeclaration d, CapabilityScope scope, String sid) {
        List<String> fileSystems = ResourceNames.resolve(d, scope, "elasticfilesystem", "file-system/",
                FILE_SYSTEM, "an EFS file system", d.resource().orElseThrow());
        List<String> accessPoints = ResourceNames.resolve(d, scope, "elasticfilesystem", "access-point/",
                ACCESS_POINT, "an EFS access point", d.qualifier().orElseThrow());
        List<String> actions = d.effectiveAccess() == Access.READ_WRITE
                ? List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite")
                : List.of("elasticfilesystem:ClientMount");
        return List.of(when(allow(sid, actions, fileSystems), "StringEquals", "elasticfilesystem:AccessPointArn",
                accessPoints));
    }

    private static Map<String, Object> ownAccount(Map<String, Object> statement, CapabilityScope scope) {
        return when(statement, "StringEquals", "aws:ResourceAccount", List.of(scope.account()));
    }
}
