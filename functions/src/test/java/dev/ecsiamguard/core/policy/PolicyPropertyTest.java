package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of IAM's decision logic over thousands of random policies; the fixed seed keeps failures repeatable. */
class PolicyPropertyTest {

    private static final int CASES = 3000;

    @Test
    void evaluate_whenDenyStatementAdded_neverTurnsDenyIntoAllow() {
        List<Integer> violations = new ArrayList<>();
        RandomPolicies random = new RandomPolicies(101);
        for (int i = 0; i < CASES; i++) {
            List<NamedPolicy> policies = random.policies();
            NamedPolicy boundary = random.boundaryOrNull();
            Request request = random.request();
            EvaluationResult before = new PolicyEvaluator(policies, boundary).evaluate(request);
            List<NamedPolicy> more = new ArrayList<>(policies);
            more.add(new NamedPolicy("extra", PolicyDocument.of(random.statement(Effect.DENY))));

            EvaluationResult after = new PolicyEvaluator(more, boundary).evaluate(request);

            if ((before.decision() != Decision.ALLOW && after.decision() == Decision.ALLOW)
                    || (after.isAllowed() && !before.isAllowed())) {
                violations.add(i);
            }
        }
        assertThat(violations).as("failing case numbers").isEmpty();
    }

    @Test
    void evaluate_whenAllowStatementAdded_neverTurnsAllowIntoDeny() {
        List<Integer> violations = new ArrayList<>();
        RandomPolicies random = new RandomPolicies(202);
        for (int i = 0; i < CASES; i++) {
            List<NamedPolicy> policies = random.policies();
            NamedPolicy boundary = random.boundaryOrNull();
            Request request = random.request();
            EvaluationResult before = new PolicyEvaluator(policies, boundary).evaluate(request);
            List<NamedPolicy> more = new ArrayList<>(policies);
            more.add(new NamedPolicy("extra", PolicyDocument.of(random.statement(Effect.ALLOW))));

            EvaluationResult after = new PolicyEvaluator(more, boundary).evaluate(request);

            if ((before.decision() == Decision.ALLOW && after.decision() != Decision.ALLOW)
                    || (before.isAllowed() && !after.isAllowed())) {
                violations.add(i);
            }
        }
        assertThat(violations).as("failing case numbers").isEmpty();
    }

    @Test
    void evaluate_whenBoundaryRemoved_neverTurnsAllowIntoDeny() {
        List<Integer> violations = new ArrayList<>();
        RandomPolicies random = new RandomPolicies(303);
        int allowedWithBoundary = 0;
        for (int i = 0; i < CASES; i++) {
            PolicyEvaluator bounded = new PolicyEvaluator(random.policies(), random.policy("boundary"));
            Request request = random.request();

            EvaluationResult before = bounded.evaluate(request);
            EvaluationResult after = bounded.withoutBoundary().evaluate(request);

            if (before.decision() == Decision.ALLOW) {
                allowedWithBoundary++;
                if (after.decision() != Decision.ALLOW) {
                    violations.add(i);
                }
            }
        }
        assertThat(allowedWithBoundary).as("the generator must produce allows to test").isGreaterThan(CASES / 50);
        assertThat(violations).as("failing case numbers").isEmpty();
    }

    @Test
    void evaluate_whenStatementsReordered_decidesTheSame() {
        List<Integer> violations = new ArrayList<>();
        RandomPolicies random = new RandomPolicies(404);
        for (int i = 0; i < CASES; i++) {
            List<NamedPolicy> policies = random.policies();
            NamedPolicy boundary = random.boundaryOrNull();
            Request request = random.request();
            EvaluationResult before = new PolicyEvaluator(policies, boundary).evaluate(request);

            List<NamedPolicy> shuffled = new ArrayList<>();
            for (NamedPolicy policy : policies) {
                List<Statement> statements = new ArrayList<>(policy.document().statements());
                Collections.shuffle(statements, random.random());
                shuffled.add(new NamedPolicy(policy.name(), new PolicyDocument("2012-10-17", statements)));
            }
            Collections.shuffle(shuffled, random.random());
            EvaluationResult after = new PolicyEvaluator(shuffled, boundary).evaluate(request);

            if (after.decision() != before.decision()
                    || !after.missingContextKeys().equals(before.missingContextKeys())) {
                violations.add(i);
            }
        }
        assertThat(violations).as("failing case numbers").isEmpty();
    }
}
