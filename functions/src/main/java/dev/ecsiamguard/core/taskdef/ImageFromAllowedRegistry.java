package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Images from registries the organisation does not control can change under it or carry malware; by default
 * only the task's own private ECR and ECR Public are allowed. Pipeline placeholders are not judged.
 */
final class ImageFromAllowedRegistry implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-IMAGE-REGISTRY",
            Severity.HIGH,
            "Images come from an allowed registry",
            "Push the image to the account's own ECR repository (or an approved mirror) and reference it there.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<String> allowed = ctx.registryPatternsFor(td);
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            ImageReference image = ImageReference.parse(c.image());
            if (image == null || allowed.stream().anyMatch(image::matches)) {
                continue;
            }
            String where = image.looksLikeMisspelledRegistry()
                    ? ", which is not a valid registry reference: it names a registry host but has no `/` before"
                            + " the repository, so it would be pulled from docker.io as " + image.repository()
                    : " from registry " + image.registry() + ", which is not allowed";
            findings.add(Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " uses image "
                            + c.image().strip() + where + ".")
                    .withFix("Copy the image to an allowed registry (" + String.join(", ", allowed)
                            + ") and set it as \"image\" of container " + c.displayName() + "."));
        }
        return findings;
    }
}
