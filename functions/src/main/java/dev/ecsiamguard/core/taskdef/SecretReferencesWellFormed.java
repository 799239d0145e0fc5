package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

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
            for (ContainerDefinition.Secret s : c.secrets()) {
                add(findings, td, c, "secret " + label(s.name()), ValueFromShape.problem(s.valueFrom(), false));
            }
            if (c.logConfiguration() != null) {
                for (ContainerDefinition.Secret s : c.logConfiguration().secretOptions()) {
                    add(findings, td, c, "log secret option " + label(s.name()),
                            ValueFromShape.problem(s.valueFrom(), false));
                }
            }
            if (c.repositoryCredentialsParameter() != null) {
                add(findings, td, c, "repositoryCredentials",
                        ValueFromShape.problem(c.repositoryCredentialsParameter(), true));
            }
        }
        return findings;
    }

    private static void add(List<Finding> findings, TaskDefinition td, ContainerDefinition c, String what,
                            String problem) {
        if (problem == null) {
            return;
        }
        Finding finding = Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " has " + what
                        + " whose reference " + problem + ".")
                .withFix("Point " + what + " of container " + c.displayName() + " at a full Secrets Manager secret ARN "
                        + "(arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf) or an SSM parameter "
                        + "(arn:aws:ssm:<region>:<account>:parameter/<name>, or the name in the same region).");
        findings.add(problem.equals(PARTIAL) ? finding.withSeverity(Severity.LOW) : finding);
    }

    private static String label(String name) {
        return Texts.isBlank(name) ? "(unnamed)" : name;
    }
}
