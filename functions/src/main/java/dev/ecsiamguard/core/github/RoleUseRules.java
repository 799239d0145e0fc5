package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.provision.Plan;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a role use tells beyond the static checks (catalog 9.5, runtime rows): a subject the configuration does
 * not allow got in (the trust is wrong or was changed), or the role no longer matches what was provisioned.
 */
public final class RoleUseRules {

    static final RuleMetadata UNEXPECTED_SUBJECT = new RuleMetadata("OIDC-RT-UNEXPECTED-SUBJECT", Severity.CRITICAL,
            "Only configured GitHub subjects assume the role",
            "Pin the role's sub condition to the configured subjects and review what the unexpected workflow did.");
    static final RuleMetadata ROLE_DRIFT = new RuleMetadata("OIDC-RT-ROLE-DRIFT", Severity.HIGH,
            "Deploy role matches what was provisioned",
            "Re-run provisioning (or revert the manual change) so the role's trust and permissions match again.");
    static final RuleMetadata DENIED_ATTEMPT = new RuleMetadata("OIDC-RT-DENIED-ATTEMPT", Severity.MEDIUM,
            "No workflow outside the configuration tries to assume a deploy role",
            "Find the workflow in the named repository and stop it; if it is legitimate, add its branch or "
                    + "environment to the service's GitHubDeployments entry.");

    private RoleUseRules() {
    }

    /**
     * Critical when the subject's owner is not configured at all (another organisation), high when it is a
     * configured owner but not a subject allowed for this role. Without any configuration nothing is judged.
     */
    public static Optional<Finding> unexpectedSubject(RoleUse use, Optional<GitHubDeployment> expected,
                                                      Set<String> configuredOwners) {
        if (configuredOwners.isEmpty()) {
            return Optional.empty();
        }
        GitHubSubject subject = use.subject();
        boolean knownOwner = configuredOwners.contains(subject.owner().toLowerCase(java.util.Locale.ROOT));
        if (!knownOwner) {
            return Optional.of(Finding.of(UNEXPECTED_SUBJECT, use.roleArn(), "Role " + use.roleArn()
                    + " was assumed by `" + subject.text() + "` of owner " + subject.owner()
                    + ", which is not a configured GitHub owner.").withFix(fix(expected)));
        }
        if (expected.isPresent() && !expected.get().subjects().contains(subject.text())) {
            return Optional.of(Finding.of(UNEXPECTED_SUBJECT, use.roleArn(), "Role " + use.roleArn()
                    + " was assumed by `" + subject.text() + "`, which is not one of the subjects configured for "
                    + expected.get().fullName() + ".").withSeverity(Severity.HIGH).withFix(fix(expected)));
        }
        return Optional.empty();
    }

    /**
     * A denied `AssumeRoleWithWebIdentity` on a deploy role this tool provisioned: someone's workflow probed it.
     * High when the subject's owner is not a configured one (another organisation), Medium otherwise (a branch or
     * environment of a configured owner that the trust rightly refused).
     */
    public static Finding deniedAttempt(RoleUse use, String errorCode, String sourceIp, Set<String> configuredOwners) {
        GitHubSubject subject = use.subject();
        boolean knownOwner = configuredOwners.contains(subject.owner().toLowerCase(java.util.Locale.ROOT));
        Finding finding = Finding.of(DENIED_ATTEMPT, use.roleArn(), "GitHub workflow `" + subject.text()
                + "` of repository " + subject.fullName() + " tried to assume deploy role "
                + use.roleArn() + " from " + sourceIp + " and was denied (" + errorCode + ")"
                + (knownOwner ? "." : "; " + subject.owner() + " is not a configured GitHub owner."));
        return knownOwner ? finding : finding.withSeverity(Severity.HIGH);
    }

    /** Drift of a provisioned role: the writes reconciliation would make now are what changed behind its back. */
    public static Optional<Finding> drift(String roleArn, Plan plan) {
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(ROLE_DRIFT, roleArn, "Role " + roleArn + " differs from what was provisioned;"
                + " to restore it: " + String.join(", ", plan.changes().stream().map(c -> c.summary()).toList())
                + "."));
    }

    private static String fix(Optional<GitHubDeployment> expected) {
        return expected.map(d -> "Allow only " + d.subjects() + " in the role's sub condition (StringEquals).")
                .orElse(UNEXPECTED_SUBJECT.remediation());
    }
}
