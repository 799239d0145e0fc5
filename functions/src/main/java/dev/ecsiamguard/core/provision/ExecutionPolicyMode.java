package dev.ecsiamguard.core.provision;

/** How the execution role gets its permissions: a scoped inline policy (default) or AWS's managed policy. */
public enum ExecutionPolicyMode {
    /** Inline policy: image pull on the service's repository only, logs on its log group only. */
    SCOPED,
    /** `AmazonECSTaskExecutionRolePolicy`: simpler, but pull and logs on every resource. */
    MANAGED
}
