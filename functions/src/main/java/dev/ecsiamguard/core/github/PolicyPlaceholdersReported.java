package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.RuleRunner;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.policy.Placeholders;
import java.util.List;

/**
 * A policy file with unrendered template placeholders is judged at their cautious reading (see
 * {@link Placeholders}); this says which parts could not be judged as written, so a pass is never read as one
 * for the rendered policy.
 */
public final class PolicyPlaceholdersReported implements Rule<PolicyPlaceholdersReported.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("POLICY-PLACEHOLDER", Severity.INFORMATIONAL,
            "Policy holds no unrendered template placeholder",
            "Render the template (Terraform templatefile, envsubst, CloudFormation Sub) and check the rendered "
                    + "policy as well.");

    public static final List<Rule<Subject>> ALL = List.of(new PolicyPlaceholdersReported());

    /** A policy file and the parts of it that were replaced before judging. */
    public record Subject(String policy, List<Placeholders.Unjudged> unjudged) {

        public Subject {
            unjudged = List.copyOf(unjudged);
        }
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Subject subject) {
        if (subject.unjudged().isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(METADATA, subject.policy(), "Policy " + subject.policy() + " has "
                + subject.unjudged().size() + " unrendered placeholder(s), judged at their cautious reading: "
                + String.join("; ", subject.unjudged().stream().map(Placeholders.Unjudged::describe).toList())
                + "."));
    }

    /** Adds the finding for the subject's placeholders (none when there are none), or the error if it fails. */
    public static void run(Subject subject, List<Finding> findings, List<dev.ecsiamguard.core.RuleError> errors) {
        RuleRunner.run(ALL, subject, subject.policy(), findings, errors);
    }
}
