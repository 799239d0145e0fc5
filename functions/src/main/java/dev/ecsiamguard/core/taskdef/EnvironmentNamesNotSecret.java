package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.EnvironmentVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plain environment values are visible to anyone who can describe the task definition; a variable whose name
 * says it is a secret belongs in {@code secrets}. Names that only describe a secret, and values that cannot be
 * one (empty, boolean, number, duration, ARN, placeholder word), are not reported; a templated value is, since
 * the deploy pipeline writes the secret into the registered revision.
 */
final class EnvironmentNamesNotSecret implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-ENV-SECRET-KEYS",
            Severity.HIGH,
            "Secret-named values are injected from secrets, not plain environment variables",
            "Move the variable to \"secrets\" with \"valueFrom\" set to a Secrets Manager secret or SSM parameter.");

    private static final Set<String> AWS_KEYS = Set.of(
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            List<EnvironmentVariable> secretNamed = c.environment().stream()
                    .filter(v -> SecretNames.isSecretName(v.name(), ctx.secretEnvNamePatterns()))
                    .filter(v -> !SecretNames.isHarmlessValueFor(v.name(), v.value()))
                    .toList();
            List<String> names = secretNamed.stream().map(EnvironmentVariable::name).distinct().toList();
            if (names.isEmpty()) {
                continue;
            }
            String joined = String.join(", ", names);
            String message = Names.container(td, c) + " sets " + joined + " as plain environment "
                    + (names.size() == 1 ? "variable" : "variables")
                    + (secretNamed.stream().allMatch(v -> Texts.isTemplated(v.value()))
                    ? ", filled in at deploy time." : ".");
            findings.add(Finding.of(METADATA, td.resourceArn(), message).withFix(fix(c, names)));
        }
        return findings;
    }

    /** AWS keys go away in favour of the task role; everything else moves to {@code secrets}. */
    private static String fix(ContainerDefinition c, List<String> names) {
        List<String> awsKeys = names.stream().filter(n -> AWS_KEYS.contains(SecretNames.normalize(n))).toList();
        List<String> others = names.stream().filter(n -> !awsKeys.contains(n)).toList();
        StringBuilder fix = new StringBuilder();
        if (!awsKeys.isEmpty()) {
            fix.append("Remove ").append(String.join(", ", awsKeys)).append(" from container ").append(c.displayName())
                    .append(" and grant the permissions to the task role (\"taskRoleArn\") instead.");
        }
        if (!others.isEmpty()) {
            fix.append(fix.length() == 0 ? "" : " ").append("Move ").append(String.join(", ", others))
                    .append(" of container ").append(c.displayName()).append(" from \"environment\" to \"secrets\"")
                    .append(" with \"valueFrom\" set to a Secrets Manager secret or SSM parameter ARN.");
        }
        return fix.toString();
    }
}
