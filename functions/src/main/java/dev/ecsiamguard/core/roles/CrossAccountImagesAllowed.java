package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pull from another account's ECR repository also needs that repository's policy to allow the execution role,
 * which this account cannot read; the finding names the statement the other account must add, at the severity of
 * an undecided answer, since the policy may well allow it.
 */
final class CrossAccountImagesAllowed implements RoleRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "EXEC-ECR-XACCOUNT",
            Severity.HIGH,
            "Images from another account's ECR repository are allowed by its repository policy",
            "Add a repository policy statement in the image's account that allows the execution role to pull.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, RoleAnalysisContext ctx) {
        if (ctx.accountIfKnown().isEmpty() || td.runsOnlyOnInstances()) {
            return List.of();
        }
        String own = ctx.accountIfKnown().get();
        Set<String> repositories = new LinkedHashSet<>();
        for (ContainerDefinition c : td.containers()) {
            EcrImage.parse(c.image()).filter(i -> !i.account().equals(own))
                    .ifPresent(i -> repositories.add(i.repositoryArn(ctx.partition())));
        }
        List<Finding> findings = new ArrayList<>();
        String principal = td.hasExecutionRole() ? td.executionRoleArn().strip()
                : "arn:" + ctx.partition() + ":iam::" + own + ":role/<execution-role>";
        for (String repository : repositories) {
            String statement = Json.write(Json.object("Sid", "AllowPullFrom" + own, "Effect", "Allow",
                    "Principal", Json.object("AWS", principal),
                    "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                            "ecr:BatchCheckLayerAvailability")));
            findings.add(Finding.of(METADATA, td.resourceArn(), "Task definition " + td.displayName()
                            + " pulls from " + repository + " in account " + ArnParts.field(repository, 4).orElse("?")
                            + ", whose repository policy must allow the execution role; it cannot be seen from "
                            + "account " + own + ".")
                    .withSeverity(Permissions.UNDECIDED)
                    .withFix("In the image's account, add to the repository policy of " + repository + ": "
                            + statement));
        }
        return findings;
    }
}
