package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** A Linux container running as root turns any escape or writable mount into root on the host. */
final class LinuxUserNotRoot implements TaskDefinitionRule {

    static final RuleMetadata METADATA = new RuleMetadata(
            "TD-ROOT-USER",
            Severity.MEDIUM,
            "Linux containers run as a non-root user",
            "Set \"user\" to a non-root user id, such as \"1000:1000\".");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(TaskDefinition td, TaskDefinitionContext ctx) {
        if (td.isWindows()) {
            return List.of();
        }
        return td.containers().stream()
                .filter(c -> isRoot(c.user()))
                .map(c -> Texts.isBlank(c.user())
                        // Without `user` the image's USER applies: root only when the image sets none, unknown here.
                        ? Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " sets no user, so the"
                                + " image's USER applies: root unless the image sets another user, which the task"
                                + " definition cannot tell.").withSeverity(Severity.LOW).withFix(fix(c))
                        : Finding.of(METADATA, td.resourceArn(), Names.container(td, c) + " runs as root (user `"
                                + c.user().strip() + "`).").withFix(fix(c)))
                .toList();
    }

    private static String fix(ContainerDefinition c) {
        return "Set \"user\": \"1000:1000\" (or another non-root id the image supports) on container "
                + c.displayName() + ".";
    }

    /** Unset, {@code root}, {@code 0}, or any {@code user:group} whose user part is one of those. */
    static boolean isRoot(String user) {
        if (Texts.isBlank(user)) {
            return true;
        }
        String name = user.strip().split(":", 2)[0];
        return name.equals("0") || name.equalsIgnoreCase("root");
    }
}
