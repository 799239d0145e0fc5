package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.IamPolicies;
import dev.ecsiamguard.aws.IamRoles;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.github.DeployRoleBlueprint;
import dev.ecsiamguard.core.github.DeployTarget;
import dev.ecsiamguard.core.github.GitHubDeployment;
import dev.ecsiamguard.core.github.GitHubDeployments;
import dev.ecsiamguard.core.github.RoleChecks;
import dev.ecsiamguard.core.github.RoleDocuments;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a role with every policy document it has and runs the trust, GitHub and deploy rules over it. */
final class GitHubRoles {

    private final ProvisioningConfig config;
    private final GitHubDeployments deployments;
    private final IamRoles roles;
    private final IamPolicies policies;

    GitHubRoles(ProvisioningConfig config, GitHubDeployments deployments, IamRoles roles, IamPolicies policies) {
        this.config = config;
        this.deployments = deployments;
        this.roles = roles;
        this.policies = policies;
    }

    RoleState read(String roleName) {
        return roles.read(roleName);
    }

    /** The configured deployment whose deploy role has this name, if any. */
    Optional<GitHubDeployment> deploymentOf(String roleName, AccountScope scope) {
        DeployRoleBlueprint blueprint = new DeployRoleBlueprint(config, scope);
        return deployments.all().stream().filter(d -> blueprint.target(d).deployRoleName().equals(roleName))
                .findFirst();
    }

    /** Empty when the role does not trust GitHub's provider. */
    Optional<Report> check(RoleState role, AccountScope scope) {
        String account = TrustedRole.accountOf(role.arn()).orElse(scope.account());
        NamedPolicy trust;
        try {
            trust = new NamedPolicy("trust", PolicyDocument.parseTrust(role.trustPolicy()));
        } catch (PolicyParseException e) {
            return Optional.of(new Report(role.arn(), List.of(), List.of(new RuleError("PARSE", role.arn(),
                    "trust policy: " + e.getMessage()))));
        }
        if (!RoleChecks.trustsGitHub(role.arn(), trust)) {
            return Optional.empty();
        }
        Optional<GitHubDeployment> expected = deploymentOf(role.name(), scope);
        List<RuleError> errors = new ArrayList<>();
        List<NamedPolicy> identity = new ArrayList<>();
        role.inlinePolicies().forEach((name, doc) -> parse(name, doc, identity, errors, role.arn()));
        role.attachedPolicyArns().forEach(arn -> policies.document(arn)
                .ifPresent(doc -> parse(arn, doc, identity, errors, role.arn())));
        List<NamedPolicy> boundary = new ArrayList<>();
        role.boundaryArn().flatMap(policies::document)
                .ifPresent(doc -> parse(role.boundaryArn().get(), doc, boundary, errors, role.arn()));
        Optional<DeployTarget> target = expected.map(d -> new DeployRoleBlueprint(config, scope).target(d));
        RoleDocuments documents = new RoleDocuments(role.arn(), Optional.of(account), Optional.of(trust),
                Optional.of(identity), boundary.stream().findFirst(), role.tags(), false);
        return Optional.of(RoleChecks.check(documents, new RoleChecks.Expectation(expected, target,
                isProduction(role.tags())), errors));
    }

    private boolean isProduction(Map<String, String> tags) {
        String env = tags.getOrDefault("Environment", config.environment()).toLowerCase(Locale.ROOT);
        return env.equals("prod") || env.equals("production");
    }

    private static void parse(String name, String doc, List<NamedPolicy> into, List<RuleError> errors, String arn) {
        try {
            into.add(new NamedPolicy(name, PolicyDocument.parseIdentity(doc)));
        } catch (PolicyParseException e) {
            errors.add(new RuleError("PARSE", arn, "policy `" + name + "`: " + e.getMessage()));
        }
    }
}
