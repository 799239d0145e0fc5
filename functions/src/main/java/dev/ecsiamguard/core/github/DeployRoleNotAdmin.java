package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.StatementRef;
import java.util.List;

/** A deploy role with `*:*` turns any compromised workflow into an account takeover. */
final class DeployRoleNotAdmin implements DeployRule {

    static final RuleMetadata METADATA = new RuleMetadata("DEPLOY-ADMIN", Severity.CRITICAL,
            "Deploy role is not an administrator",
            "Detach AdministratorAccess and remove Allow *:*; grant only push, register, update and the scoped"
                    + " PassRole.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DeployRole role) {
        List<StatementRef> admin = role.questions().adminStatements();
        return admin.isEmpty() ? List.of() : List.of(Finding.of(METADATA, role.roleArn(), "Deploy role "
                + role.roleArn() + " allows every action on every resource through " + admin.get(0).describe() + "."));
    }
}
