package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Locale;

/**
 * Opt-in permissions for a task role, named in the repository's `ecs-iam-guard:capabilities` tag
 * (space- or plus-separated) or in an API request. The task role is empty without them.
 */
public enum TaskRoleCapability {
    /** ECS Exec: the SSM agent in the task opens its channels with these four actions. */
    EXEC("EcsExec", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel")),
    /** AWS X-Ray: the daemon or OpenTelemetry collector sidecar sends traces. */
    XRAY("XRay", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
            "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"));

    private final String sid;
    private final List<String> actions;

    TaskRoleCapability(String sid, List<String> actions) {
        this.sid = sid;
        this.actions = actions;
    }

    public String sid() {
        return sid;
    }

    public List<String> actions() {
        return actions;
    }

    public static TaskRoleCapability parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "EXEC", "ECSEXEC", "EXECUTECOMMAND" -> EXEC;
            case "XRAY" -> XRAY;
            default -> throw new IllegalArgumentException("unknown task role capability `" + name
                    + "`: expected one of exec, xray");
        };
    }
}
