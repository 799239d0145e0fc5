package dev.ecsiamguard.event;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful IAM call that changes a role's permissions or trust: either the role it names, or (for a new default
 * version of a customer managed policy) the policy whose attached roles are affected. Who made it and when are kept
 * so that every result can name the change that triggered it.
 */
public record RoleChanged(String eventId, String eventName, String account, Optional<String> roleName,
                          Optional<String> policyArn, boolean changesEffectivePermissions, String who, String when) {

    /** The calls that change what a role may do or who may assume it. */
    public static final List<String> ROLE_CALLS = List.of("PutRolePolicy", "DeleteRolePolicy", "AttachRolePolicy",
            "DetachRolePolicy", "UpdateAssumeRolePolicy", "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary");
    /** The calls that change a managed policy's default version, and so every role it is attached to. */
    public static final List<String> POLICY_CALLS = List.of("CreatePolicyVersion", "SetDefaultPolicyVersion");

    public static RoleChanged from(ScheduledEvent event, CloudTrailCall call) {
        if (!"iam.amazonaws.com".equals(call.eventSource())) {
            throw new InvalidEventException("event is from `" + call.eventSource() + "`: expected iam.amazonaws.com");
        }
        boolean roleCall = ROLE_CALLS.contains(call.eventName());
        if (!roleCall && !POLICY_CALLS.contains(call.eventName())) {
            throw new InvalidEventException("event is `iam:" + call.eventName() + "`: not a role or policy change");
        }
        call.errorCode().ifPresent(code -> {
            throw new InvalidEventException(call.eventName() + " failed with `" + code + "`: nothing changed");
        });
        Optional<String> role = roleCall ? Optional.of(call.request("roleName")
                .orElseThrow(() -> new InvalidEventException("event has no `detail.requestParameters.roleName`")))
                : Optional.empty();
        Optional<String> policy = roleCall ? Optional.empty() : Optional.of(call.request("policyArn")
                .orElseThrow(() -> new InvalidEventException("event has no `detail.requestParameters.policyArn`")));
        // A version created without setAsDefault changes nothing a role can do until it becomes the default.
        boolean effective = !call.eventName().equals("CreatePolicyVersion")
                || call.request("setAsDefault").map(Boolean::parseBoolean).orElse(false);
        String who = call.identity("arn").or(() -> call.identity("principalId")).orElse("unknown");
        Object time = event.getDetail().get("eventTime");
        String when = time instanceof String s && !s.isBlank() ? s
                : event.getTime() == null ? "" : event.getTime().toString();
        return new RoleChanged(call.eventId(), call.eventName(), call.account(), role, policy, effective, who, when);
    }

    /** The trigger as published with every result. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("eventId", eventId);
        map.put("call", "iam:" + eventName);
        roleName.ifPresent(r -> map.put("roleName", r));
        policyArn.ifPresent(p -> map.put("policyArn", p));
        map.put("by", who);
        map.put("at", when);
        return map;
    }
}
