package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.EnvironmentVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A credential written into the task definition is readable by everyone with {@code ecs:Describe*} and stays in
 * every revision forever. Findings name the container and variable, never the value.
 */
final class EnvironmentValuesNotCredentials implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-ENV-SECRET-VALUES",
            Severity.CRITICAL,
            "Environment variables hold no credentials",
            "Rotate the exposed credential, then inject it through \"secrets\" instead of \"environment\".");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            for (EnvironmentVariable v : c.environment()) {
                String name = Texts.isBlank(v.name()) ? "(unnamed)" : v.name();
                String fix = "Rotate the value of " + name + ", then move " + name + " of container " + c.displayName()
                        + " to \"secrets\" with \"valueFrom\" set to a Secrets Manager secret or SSM parameter ARN.";
                Optional<String> shape = CredentialValues.shapeOf(v.value());
                if (shape.isPresent()) {
                    findings.add(Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                            + " has environment variable " + name + " whose value looks like " + shape.get() + ".")
                            .withFix(fix));
                } else if (SecretNames.isSecretName(v.name(), ctx.secretEnvNamePatterns())
                        && CredentialValues.isHighEntropy(v.value())) {
                    findings.add(Finding.of(METADATA, td.resourceArn(), Names.container(td, c)
                                    + " has environment variable " + name
                                    + " whose value looks like a generated secret.")
                            .withFix(fix)
                            .withSeverity(Severity.HIGH));
                }
            }
        }
        return findings;
    }
}
