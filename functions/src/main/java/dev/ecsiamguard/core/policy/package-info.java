/**
 * IAM policy engine: validators decide by evaluating policies the way IAM does, never by matching strings.
 *
 * <p>Parse with {@link dev.ecsiamguard.core.policy.PolicyDocument#parse} (plain or URL-encoded JSON; a document IAM
 * would reject throws a located {@link dev.ecsiamguard.core.policy.PolicyParseException}). Decide requests with
 * {@link dev.ecsiamguard.core.policy.PolicyEvaluator#evaluate}; read the
 * {@link dev.ecsiamguard.core.policy.EvaluationResult} through {@code isAllowed()}, {@code isDenied()} and
 * {@code missingContextKeys()}, because a decision may depend on context the caller did not supply. Ask the usual
 * validator questions through {@link dev.ecsiamguard.core.policy.PolicyQuestions}. Benchmark:
 * {@code scripts/bench-policy} from the repository root.
 */
package dev.ecsiamguard.core.policy;
