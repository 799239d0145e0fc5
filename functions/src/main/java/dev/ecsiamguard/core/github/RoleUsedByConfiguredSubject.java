package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OIDC-RT-UNEXPECTED-SUBJECT: critical when the subject's owner is not configured at all (another organisation),
 * high when it is a configured owner but not a subject allowed for this role. Without configuration, no judgement.
 */
final class RoleUsedByConfiguredSubject implements Rule<RoleUseRules.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("OIDC-RT-UNEXPECTED-SUBJECT", Severity.CRITICAL,
            "Only configured GitHub subjects assume the role",
            "Pin the role's sub condition to the configured subjects and review what the unexpected workflow did.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(RoleUseRules.Subject s) {
        if (s.configuredOwners().isEmpty()) {
            return List.of();
        }
        RoleUse use = s.use();
        GitHubSubject subject = use.subject();
        if (!s.configuredOwners().contains(subject.owner().toLowerCase(Locale.ROOT))) {
            return List.of(Finding.of(METADATA, use.roleArn(), "Role " + use.roleArn() + " was assumed by `"
                    + subject.text() + "` of owner " + subject.owner() + ", which is not a configured GitHub owner.")
                    .withFix(fix(s.expected())));
        }
        if (s.expected().isPresent() && !s.expected().get().subjects().contains(subject.text())) {
            return List.of(Finding.of(METADATA, use.roleArn(), "Role " + use.roleArn() + " was assumed by `"
                    + subject.text() + "`, which is not one of the subjects configured for "
                    + s.expected().get().fullName() + ".").withSeverity(Severity.HIGH).withFix(fix(s.expected())));
        }
        return List.of();
    }

    private static String fix(Optional<GitHubDeployment> expected) {
        return expected.map(d -> "Allow only " + d.subjects() + " in the role's sub condition (StringEquals).")
                .orElse(METADATA.remediation());
    }
}
