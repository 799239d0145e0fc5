package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.roles.BarePolicyRoles;
import dev.ecsiamguard.core.trust.TrustRules;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which rules a role's documents get, so the function and the offline command line
 * agree: trust rules on every trust policy, GitHub trust rules when it trusts GitHub, and deploy rules on the
 * permissions of a role that trusts GitHub (or of a bare permission policy, whose role is unknown).
 */
public final class RoleChecks {

    /** Stands in for the account of a bare policy that names none, so canary ARNs stay well formed. */
    static final String NO_ACCOUNT = "000000000000";

    /** Names the step in errors when the kind of a bare policy cannot be inferred. */
    static final String KIND_INFERENCE = "POLICY-KIND-INFERENCE";

    private RoleChecks() {
    }

    /**
     * What the configuration expects of a role.
     *
     * @param deployment the configured deployment whose deploy role this is, if any
     * @param target the resources that deployment may touch, if known
     * @param production whether the role deploys to production (configuration or `Environment` tag)
     */
    public record Expectation(Optional<GitHubDeployment> deployment, Optional<DeployTarget> target,
                              boolean production) {

        public static Expectation none() {
            return new Expectation(Optional.empty(), Optional.empty(), false);
        }
    }

    /** Whether a trust policy lets GitHub Actions assume the role; GitHub-only callers stop when it does not. */
    public static boolean trustsGitHub(String roleArn, NamedPolicy trust) {
        return GitHubTrust.of(TrustedRole.of(roleArn, TrustedRole.accountOf(roleArn), trust, false), Optional.empty(),
                false).trustsGitHub();
    }

    /**
     * Runs every applicable rule; {@code earlier} carries problems met while reading the documents (a policy
     * that could not be parsed), which stay in the report as errors.
     */
    public static Report check(RoleDocuments role, Expectation expected, List<RuleError> earlier) {
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>(earlier);
        boolean github = false;
        if (role.trust().isPresent()) {
            TrustedRole trusted = TrustedRole.of(role.arn(), role.account(), role.trust().get(), role.ecsRole());
            TrustRules.run(trusted, findings, errors);
            GitHubTrust trust = GitHubTrust.of(trusted, expected.deployment(), expected.production());
            github = trust.trustsGitHub();
            if (github) {
                GitHubTrustRules.run(trust, findings, errors);
            }
        }
        boolean deployRole = github || role.trust().isEmpty();
        if (deployRole && role.permissions().isPresent()) {
            String account = role.account().or(() -> namedAccount(role.permissions().get())).orElse(NO_ACCOUNT);
            DeployRules.run(new DeployRole(role.arn(), account, role.partition(), role.permissions().get(),
                    role.boundary(), expected.target()), findings, errors);
        }
        return new Report(role.arn(), findings, errors);
    }

    /**
     * What a bare permission policy was judged as, and whether that was inferred from its content.
     *
     * @param evidence why it was inferred (a clause such as {@code it may ecs:RegisterTaskDefinition}), or why
     *     the given kind was used
     */
    public record PolicyJudgement(PolicyRoleKind kind, boolean inferred, String evidence, Report report) {
    }

    /**
     * Judges a permission policy without a trust policy by the rules of its kind: the one given, or the one
     * inferred from what the engine says it allows. An ECS role ({@code ecsRole}) is a task or execution role.
     */
    public static PolicyJudgement checkBarePolicy(RoleDocuments role, Expectation expected,
                                                  Optional<PolicyRoleKind> given) {
        List<NamedPolicy> policies = role.permissions().orElseThrow(() -> new IllegalArgumentException(
                "a bare policy check needs the permission policy"));
        String account = role.account().or(() -> namedAccount(policies)).orElse(NO_ACCOUNT);
        DeployRole permissions = new DeployRole(role.arn(), account, role.partition(), policies, role.boundary(),
                expected.target());
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        PolicyRoleKind kind;
        String evidence;
        if (given.isPresent()) {
            kind = given.get();
            evidence = "given with --kind " + kind.option();
        } else {
            PolicyKindInference.Inferred inferred = inferOrFail(permissions, errors);
            kind = inferred.kind();
            evidence = inferred.evidence();
            if (role.ecsRole() && (kind == PolicyRoleKind.DEPLOY || kind == PolicyRoleKind.OTHER)) {
                kind = PolicyRoleKind.TASK;
                evidence = evidence + ", but --ecs-role says it is an ECS role: judged as a task role";
            }
        }
        switch (kind) {
            case DEPLOY -> DeployRules.run(permissions, findings, errors);
            case EXECUTION, TASK -> BarePolicyRoles.run(kind == PolicyRoleKind.EXECUTION, role.arn(), policies,
                    role.partition(), account, findings, errors);
            default -> UnknownUsePolicyRules.run(permissions, findings, errors);
        }
        return new PolicyJudgement(kind, given.isEmpty(), evidence, new Report(role.arn(), findings, errors));
    }

    /**
     * The inferred kind; when inference itself fails, an error (so the verdict is not pass) and the rules that hold
     * for any role, rather than no rules at all.
     */
    static PolicyKindInference.Inferred inferOrFail(DeployRole permissions, List<RuleError> errors) {
        try {
            return PolicyKindInference.infer(permissions);
        } catch (RuntimeException e) {
            errors.add(new RuleError(KIND_INFERENCE, permissions.roleArn(), "the kind of the policy could not be "
                    + "inferred (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); give --kind"));
            return new PolicyKindInference.Inferred(PolicyRoleKind.OTHER, "its kind could not be inferred");
        }
    }

    /** The first account a policy's resources name: canaries there catch wildcards over that account's roles. */
    private static Optional<String> namedAccount(List<NamedPolicy> policies) {
        return policies.stream().flatMap(p -> p.document().statements().stream())
                .flatMap(s -> s.resources().stream()).map(r -> r.split(":", 6))
                .filter(parts -> parts.length == 6 && parts[4].matches("\\d{12}")).map(parts -> parts[4]).findFirst();
    }
}
