package dev.ecsiamguard.core.github;

/** One successful `sts:AssumeRoleWithWebIdentity` by GitHub's provider: who (subject) assumed which role. */
public record RoleUse(String roleArn, GitHubSubject subject, String audience, String eventId) {

    /** The role's name: the last segment of its ARN, after any path. */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
