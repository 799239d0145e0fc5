package dev.ecsiamguard.aws;

import dev.ecsiamguard.app.rolechange.EcsRevisions;
import dev.ecsiamguard.app.rolechange.Revision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Revisions and services of this region through the ECS API: one DescribeTaskDefinition, or one DescribeServices
 * call per ten services. */
public final class EcsRoleUsers implements EcsRevisions {

    private static final int DESCRIBE_SERVICES_MAX = 10;

    private final EcsClient ecs;

    public EcsRoleUsers(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<Revision> revision(String arnOrFamily) {
        TaskDefinition td;
        try {
            td = ecs.describeTaskDefinition(r -> r.taskDefinition(arnOrFamily)).taskDefinition();
        } catch (ClientException unknown) {
            return Optional.empty();
        }
        return Optional.of(new Revision(td.taskDefinitionArn(), td.family(), td.statusAsString(), td.taskRoleArn(),
                td.executionRoleArn()));
    }

    @Override
    public Map<String, String> currentRevisions(String cluster, List<String> services) {
        Map<String, String> current = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i += DESCRIBE_SERVICES_MAX) {
            List<String> batch = services.subList(i, Math.min(services.size(), i + DESCRIBE_SERVICES_MAX));
            try {
                ecs.describeServices(r -> r.cluster(cluster).services(batch)).services().stream()
                        .filter(s -> "ACTIVE".equals(s.status()) && s.taskDefinition() != null)
                        .forEach(s -> current.put(s.serviceArn(), s.taskDefinition()));
            } catch (ClusterNotFoundException gone) {
                return current;
            }
        }
        return current;
    }
}
