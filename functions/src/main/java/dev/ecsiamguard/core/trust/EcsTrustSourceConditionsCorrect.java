package dev.ecsiamguard.core.trust;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.ConditionClause;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Source conditions that are present but wrong give a false sense of safety, or break the role outright. */
final class EcsTrustSourceConditionsCorrect implements TrustRule {

    static final RuleMetadata METADATA = new RuleMetadata("TRUST-SOURCEARN-WRONG", Severity.HIGH,
            "ECS task trust source conditions name this account's ECS",
            "Use StringEquals aws:SourceAccount = this account and ArnLike aws:SourceArn = "
                    + "arn:<partition>:ecs:<region>:<account>:*.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TrustedRole role) {
        List<Finding> out = new ArrayList<>();
        for (TrustGrant grant : role.ecsTasksGrants()) {
            List<String> problems = new ArrayList<>();
            for (ConditionClause clause : grant.conditions()) {
                boolean account = clause.isOn("aws:SourceAccount");
                if (!account && !clause.isOn("aws:SourceArn")) {
                    continue;
                }
                for (String value : clause.values()) {
                    problem(clause, value, account, role.account()).ifPresent(why -> problems.add(
                            clause.operatorText() + " " + clause.key() + " `" + value + "` " + why));
                }
            }
            if (!problems.isEmpty()) {
                out.add(Finding.of(METADATA, role.roleArn(), "Role " + role.roleArn() + " trusts "
                        + TrustedRole.ECS_TASKS + " with " + String.join("; ", problems) + ".")
                        .withFix(EcsTrustHasConfusedDeputyConditions.fix(role)));
            }
        }
        return out;
    }

    private static Optional<String> problem(ConditionClause clause, String value, boolean isAccount,
                                            Optional<String> ownAccount) {
        if (TrustedRole.isPlaceholder(value)) {
            return Optional.empty();
        }
        if (clause.operator().negated()) {
            return Optional.of("uses a negated operator that lets every other source in");
        }
        if (value.equals("*")) {
            return Optional.of("matches every source");
        }
        if (clause.hasWildcardWithoutLikeOperator()) {
            return Optional.of("has a wildcard the operator takes literally, so ECS can never assume the role");
        }
        String account = isAccount ? value : part(value, 4);
        if (!isAccount && !value.startsWith("arn:") || !isAccount && !part(value, 2).equals("ecs")) {
            return Optional.of("is not an ECS ARN");
        }
        if (account.contains("*")) {
            return Optional.of("matches any account");
        }
        if (ownAccount.isPresent() && !ownAccount.get().equals(account)) {
            return Optional.of("names another account");
        }
        return Optional.empty();
    }

    private static String part(String arn, int index) {
        String[] parts = arn.split(":", 6);
        return parts.length > index ? parts[index] : "";
    }
}
