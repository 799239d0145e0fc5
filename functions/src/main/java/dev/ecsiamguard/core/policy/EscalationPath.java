package dev.ecsiamguard.core.policy;

import java.util.List;
import java.util.Map;

/**
 * One privilege-escalation path from public research: API calls that, all allowed together, let a principal gain
 * permissions it does not hold. {@code ADMIN} paths end in full administrative access; {@code PRIVESC} paths in
 * the permissions of some other principal or role, which may be anything.
 *
 * @param selfGrant true when the path grants the principal itself more: its permissions boundary still caps it
 */
public record EscalationPath(String id, String title, Grade grade, boolean selfGrant, List<Step> steps) {

    /** What the path reaches. */
    public enum Grade { ADMIN, PRIVESC }

    /** The resource a step is tried on, built for the principal being judged. */
    public enum Target {
        /** The principal's own role ARN. */
        SELF_ROLE,
        /** A role that does not exist yet, so only wildcards can grant it. */
        NEW_ROLE,
        /** Some other role in the account. */
        OTHER_ROLE,
        /** A role in another account. */
        FOREIGN_ROLE,
        /** A user that does not exist yet. */
        NEW_USER,
        /** Some existing user. */
        OTHER_USER,
        /** Each customer-managed policy attached to the principal; one suffices. */
        SELF_POLICY,
        /** Some customer-managed policy of the account. */
        OTHER_POLICY,
        /** A customer-managed policy that does not exist yet. */
        NEW_POLICY,
        LAMBDA_FUNCTION, ECS_TASK_DEFINITION, ECS_CLUSTER, ECS_SERVICE, ECS_TASK, EC2_INSTANCE, GLUE_DEV_ENDPOINT,
        GLUE_JOB, CLOUDFORMATION_STACK, CODEBUILD_PROJECT, SAGEMAKER_NOTEBOOK,
        /** Actions that take no resource. */
        ANY
    }

    /** One call: the action, what it acts on, and the context keys the call carries (e.g. iam:PassedToService). */
    public record Step(String action, Target target, Map<String, String> context) {

        public Step {
            context = Map.copyOf(context);
        }

        static Step of(String action, Target target) {
            return new Step(action, target, Map.of());
        }

        static Step of(String action, Target target, String key, String value) {
            return new Step(action, target, Map.of(key, value));
        }
    }

    public EscalationPath {
        steps = List.copyOf(steps);
    }
}
