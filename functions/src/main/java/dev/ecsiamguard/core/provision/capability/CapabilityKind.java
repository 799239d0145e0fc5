package dev.ecsiamguard.core.provision.capability;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every capability a task role can be declared with: what accesses it accepts (the first is the default, none
 * means it takes no access suffix), and whether it names a resource and a second, qualifying value.
 */
public enum CapabilityKind {
    EXEC("exec", "EcsExec", Value.NONE, Value.NONE),
    XRAY("xray", "XRay", Value.NONE, Value.NONE),
    S3("s3", "S3", Value.REQUIRED, Value.NONE, Access.READ, Access.WRITE, Access.READ_WRITE),
    DYNAMODB("dynamodb", "DynamoDb", Value.REQUIRED, Value.NONE, Access.READ, Access.READ_WRITE),
    SQS("sqs", "Sqs", Value.REQUIRED, Value.NONE, Access.SEND, Access.CONSUME),
    SNS("sns", "Sns", Value.REQUIRED, Value.NONE, Access.PUBLISH),
    SES("ses", "Ses", Value.REQUIRED, Value.OPTIONAL, Access.SEND),
    SECRETS("secrets", "Secrets", Value.OPTIONAL, Value.NONE, Access.READ),
    SSM("ssm", "Ssm", Value.OPTIONAL, Value.NONE, Access.READ),
    KMS("kms", "Kms", Value.REQUIRED, Value.NONE, Access.READ, Access.READ_WRITE),
    EFS("efs", "Efs", Value.REQUIRED, Value.REQUIRED, Access.READ, Access.READ_WRITE),
    METRICS("metrics", "Metrics", Value.REQUIRED, Value.NONE, Access.WRITE);

    /** Whether a declaration carries a value in that position. */
    enum Value { NONE, OPTIONAL, REQUIRED }

    private final String spelling;
    private final String sid;
    private final Value resource;
    private final Value qualifier;
    private final List<Access> accesses;

    CapabilityKind(String spelling, String sid, Value resource, Value qualifier, Access... accesses) {
        this.spelling = spelling;
        this.sid = sid;
        this.resource = resource;
        this.qualifier = qualifier;
        this.accesses = List.of(accesses);
    }

    public String spelling() {
        return spelling;
    }

    String sid() {
        return sid;
    }

    Value resource() {
        return resource;
    }

    Value qualifier() {
        return qualifier;
    }

    List<Access> accesses() {
        return accesses;
    }

    /** The access used when a declaration names none; null for capabilities without accesses. */
    Access defaultAccess() {
        return accesses.isEmpty() ? null : accesses.get(0);
    }

    /** Case and hyphens do not matter in a name ({@code X-Ray} is xray); ECS Exec has two older aliases. */
    static CapabilityKind named(String text) {
        String n = text.toLowerCase(java.util.Locale.ROOT).replace("-", "");
        if (n.equals("ecsexec") || n.equals("executecommand")) {
            return EXEC;
        }
        return Arrays.stream(values()).filter(k -> k.spelling.equals(n)).findFirst().orElse(null);
    }

    static String allSpellings() {
        return Arrays.stream(values()).map(CapabilityKind::spelling).collect(Collectors.joining(", "));
    }
}
