package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OIDC-RT-DENIED-ATTEMPT: a denied AssumeRoleWithWebIdentity on a deploy role this tool provisioned means some
 * workflow probed it. High when the subject's owner is not a configured one (another organisation), Medium
 * otherwise (a branch or environment of a configured owner that the trust rightly refused).
 */
public final class DeniedRoleUseReported implements Rule<DeniedRoleUseReported.Attempt> {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-RT-DENIED-ATTEMPT", Severity.MEDIUM,
            "No workflow outside the configuration tries to assume a deploy role",
            "Find the workflow in the named repository and stop it; if it is legitimate, add its branch or "
                    + "environment to the service's GitHubDeployments entry.");

    /** The family of denied role uses: this one rule. */
    public static final List<DeniedRoleUseReported> ALL = List.of(new DeniedRoleUseReported());

    /**
     * A refused attempt, as CloudTrail reports it.
     *
     * @param use who tried to assume which role
     * @param errorCode the refusal (e.g. AccessDenied)
     * @param sourceIp the address the call came from
     * @param configuredOwners every configured GitHub owner (lower case)
     */
    public record Attempt(RoleUse use, String errorCode, String sourceIp, Set<String> configuredOwners) {
    }

    /** The attempt judged by the one runner, so a failure of this rule is an error, never a silent pass. */
    public static Report judge(Attempt attempt) {
        return RuleRunner.run(ALL, attempt, attempt.use().roleArn());
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Attempt a) {
        GitHubSubject subject = a.use().subject();
        boolean knownOwner = a.configuredOwners().contains(subject.owner().toLowerCase(Locale.ROOT));
        Finding finding = Finding.of(METADATA, a.use().roleArn(), "GitHub workflow `" + subject.text()
                + "` of repository " + subject.fullName() + " tried to assume deploy role " + a.use().roleArn()
                + " from " + a.sourceIp() + " and was denied (" + a.errorCode() + ")"
                + (knownOwner ? "." : "; " + subject.owner() + " is not a configured GitHub owner."));
        return List.of(knownOwner ? finding : finding.withSeverity(Severity.HIGH));
    }
}
