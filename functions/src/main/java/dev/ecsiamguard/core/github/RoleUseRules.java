package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.provision.Plan;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a role use tells beyond the static checks (catalog 9.5, runtime rows): a subject the configuration does
 * not allow got in (the trust is wrong or was changed), or the role no longer matches what was provisioned.
 */
public final class RoleUseRules {

    /**
     * What a role-use rule judges.
     *
     * @param use who assumed which role
     * @param expected the configured deployment whose deploy role it is, if any
     * @param configuredOwners every configured GitHub owner (lower case); empty means nothing is configured
     * @param drift the writes reconciliation would make to the role now, when it is a configured deploy role
     */
    public record Subject(RoleUse use, Optional<GitHubDeployment> expected, Set<String> configuredOwners,
                          Optional<Plan> drift) {
    }

    public static final List<Rule<Subject>> ALL = List.of(new RoleUsedByConfiguredSubject(),
            new RoleUseMatchesProvisioned());

    private RoleUseRules() {
    }

    public static Report check(Subject subject) {
        return RuleRunner.run(ALL, subject, subject.use().roleArn());
    }
}
