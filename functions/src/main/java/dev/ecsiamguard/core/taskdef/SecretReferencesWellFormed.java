package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A malformed {@code valueFrom} fails only when a task starts, long after the deploy looked green; its shape
 * can be checked at registration. A partial Secrets Manager ARN works but makes IAM policies guess, so it is Low.
 */
final class SecretReferencesWellFormed implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-VALUEFROM-FORMAT",
            Severity.MEDIUM,
            "Secret references are well-formed Secrets Manager or SSM Parameter Store references",
            "Use arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>[:<json-key>:<stage>:<id>] or an "
                    + "SSM parameter ARN or name.");

    static final String PARTIAL = "is a partial Secrets Manager ARN without the 6-character suffix";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            // One finding per container and kind of problem, naming every reference that has it.
            Map<String, List<String>> byProblem = new LinkedHashMap<>();
            for (ContainerDefinition.Secret s : c.secrets()) {
                note(byProblem, "secret " + label(s.name()), ValueFromShape.problem(s.valueFrom(), false));
            }
            if (c.logConfiguration() != null) {
                for (ContainerDefinition.Secret s : c.logConfiguration().secretOptions()) {
                    note(byProblem, "log secret option " + label(s.name()),
                            ValueFromShape.problem(s.valueFrom(), false));
                }
            }
            if (c.repositoryCredentialsParameter() != null) {
                note(byProblem, "repositoryCredentials",
                        ValueFromShape.problem(c.repositoryCredentialsParameter(), true));
            }
            byProblem.forEach((problem, what) -> findings.add(finding(td, c, what, problem)));
        }
        return findings;
    }

    private static void note(Map<String, List<String>> byProblem, String what, String problem) {
        if (problem != null) {
            byProblem.computeIfAbsent(problem, k -> new ArrayList<>()).add(what);
        }
    }

    private static Finding finding(TaskDefinition td, ContainerDefinition c, List<String> what, String problem) {
        String items = String.join(", ", what);
        Finding finding = Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " has " + items
                        + (what.size() == 1 ? " whose reference " : ", each of whose references ") + problem + ".")
                .withFix("Point " + items + " of container " + c.displayName() + " at a full Secrets Manager secret"
                        + " ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf) or an SSM parameter "
                        + "(arn:aws:ssm:<region>:<account>:parameter/<name>, or the name in the same region).");
        return problem.equals(PARTIAL) ? finding.withSeverity(Severity.LOW) : finding;
    }

    private static String label(String name) {
        return Texts.isBlank(name) ? "(unnamed)" : name;
    }
}
