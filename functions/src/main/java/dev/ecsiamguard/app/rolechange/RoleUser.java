package dev.ecsiamguard.app.rolechange;

/**
 * One entry of the role-usage index: a task definition family, or an ECS service, seen using a role as its task
 * or execution role, with the revision it was seen with. Entries may go stale (a service moved on, a family changed
 * roles); the re-validation checks every one against ECS before acting on it.
 */
public record RoleUser(Kind kind, String key, String cluster, String taskDefinitionArn) {

    /** A family (key = family name) or a service (key = service ARN, in {@code cluster}). */
    public enum Kind { FAMILY, SERVICE }

    public static RoleUser family(String family, String taskDefinitionArn) {
        return new RoleUser(Kind.FAMILY, family, "", taskDefinitionArn);
    }

    public static RoleUser service(String serviceArn, String cluster, String taskDefinitionArn) {
        return new RoleUser(Kind.SERVICE, serviceArn, cluster, taskDefinitionArn);
    }
}
