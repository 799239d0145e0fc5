package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An image referenced by {@code latest} or without a tag changes whenever someone pushes, so two tasks of one
 * revision may run different code. Other tags are left to the repository's tag immutability check.
 */
final class ImagePinned implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-IMAGE-MUTABLE",
            Severity.MEDIUM,
            "Images are pinned by digest or an immutable tag",
            "Reference the image by digest (@sha256:...) or by a version tag in a repository with immutable tags.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            ImageReference image = ImageReference.parse(c.image());
            if (image == null || image.pinnedByDigest() || !image.usesLatest()) {
                continue;
            }
            findings.add(Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " uses image "
                            + c.image().strip() + (image.tag() == null ? " without a tag, which means latest."
                            : ", a mutable tag."))
                    .withFix("Set \"image\" of container " + c.displayName() + " to " + image.registry() + "/"
                            + image.repository() + "@sha256:<digest> or to a version tag from a repository with "
                            + "immutable tags."));
        }
        return findings;
    }
}
