package dev.ecsiamguard.core.catalog;

import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.github.DeniedRoleUseReported;
import dev.ecsiamguard.core.github.DeployRules;
import dev.ecsiamguard.core.github.GitHubTrustRules;
import dev.ecsiamguard.core.github.OidcProviderRules;
import dev.ecsiamguard.core.github.PolicyPlaceholdersReported;
import dev.ecsiamguard.core.github.RoleUseRules;
import dev.ecsiamguard.core.github.UnknownUsePolicyRules;
import dev.ecsiamguard.core.provision.DriftFindings;
import dev.ecsiamguard.core.roles.RoleRules;
import dev.ecsiamguard.core.sweep.ClusterContainerInsightsEnabled;
import dev.ecsiamguard.core.taskdef.TaskDefinitionRules;
import dev.ecsiamguard.core.trust.TrustRules;
import java.util.List;
import java.util.Optional;

/**
 * Every rule the application runs, family by family: the one list the registries make up, and that the
 * catalogue tests, the README's rule tables and the SARIF rule descriptors are checked against. A rule id
 * appears once here and stays stable across versions.
 */
public final class RuleCatalog {

    /**
     * One family of rules: the subject they judge and the registry that runs them.
     *
     * @param name what the family judges, as the README names it
     * @param rules the family's registry, in the order it runs
     */
    public record Family(String name, List<? extends Rule<?>> rules) {
    }

    public static final List<Family> FAMILIES = List.of(
            new Family("task definition content", TaskDefinitionRules.ALL),
            new Family("execution and task role", RoleRules.ALL),
            new Family("trust policy", TrustRules.ALL),
            new Family("GitHub trust", GitHubTrustRules.ALL),
            new Family("GitHub deploy role", DeployRules.ALL),
            new Family("permission policy of unknown use", UnknownUsePolicyRules.ALL),
            new Family("unrendered placeholders", PolicyPlaceholdersReported.ALL),
            new Family("GitHub OIDC provider", OidcProviderRules.ALL),
            new Family("GitHub role use", RoleUseRules.ALL),
            new Family("GitHub denied role use", DeniedRoleUseReported.ALL),
            new Family("provisioning drift", DriftFindings.ALL),
            new Family("cluster", ClusterContainerInsightsEnabled.ALL));

    /** Every rule of every family. */
    public static final List<Rule<?>> ALL = FAMILIES.stream().<Rule<?>>flatMap(f -> f.rules().stream()).toList();

    private RuleCatalog() {
    }

    /**
     * Every rule's metadata once: a rule judged in two families (TD-EFS-IAM-NEEDS-TASKROLE checks the task
     * definition's content and, with its roles, that the task role may mount) shares one metadata object.
     */
    public static List<RuleMetadata> metadata() {
        return ALL.stream().map(Rule::metadata).distinct().toList();
    }

    public static Optional<RuleMetadata> byId(String id) {
        return metadata().stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
