package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.taskdef.ContainerDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The region a task definition will run in when its ARN does not say (a file before registration): the region of
 * its own ECR images, its awslogs region, or its secrets' ARNs, in that order.
 */
final class TaskDefinitionRegion {

    private static final Pattern ECR_HOST =
            Pattern.compile("^\\d{12}\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws");
    private static final Pattern ARN_REGION = Pattern.compile("^arn:aws[a-z-]*:(?:secretsmanager|ssm):([a-z0-9-]+):");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private TaskDefinitionRegion() {
    }

    static Optional<String> infer(TaskDefinition td) {
        for (ContainerDefinition c : td.containers()) {
            Optional<String> region = first(ECR_HOST, c.image());
            if (region.isPresent()) {
                return region;
            }
        }
        for (ContainerDefinition c : td.containers()) {
            String logs = c.logConfiguration() == null ? null : c.logConfiguration().option("awslogs-region");
            if (logs != null && REGION.matcher(logs).matches()) {
                return Optional.of(logs);
            }
        }
        return td.containers().stream().flatMap(c -> c.secrets().stream())
                .map(s -> first(ARN_REGION, s.valueFrom())).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> first(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(text);
        return m.find() && REGION.matcher(m.group(1)).matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
