package dev.ecsiamguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.remediate.ExecutionGrant;
import dev.ecsiamguard.core.remediate.ExecutionGrantRecord;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The remediate step through its port, without AWS: only managed roles, only new grants, replays add nothing. */
class ExecutionRoleRemediationTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/web/db-Q1w2E3";
    private static final ProvisioningConfig CONFIG = ProvisioningConfig.fromEnvironment(
            Map.of("SECRETS_MANAGER_PREFIX", "{environment}/{service}/"));

    /** An in-memory record: what a spec-backed record must also do. */
    private static final class MemoryRecord implements ExecutionGrantRecord {
        final List<ExecutionGrant> recorded = new ArrayList<>();
        int writes;

        @Override
        public List<ExecutionGrant> grants(String role) {
            return List.copyOf(recorded);
        }

        @Override
        public List<ExecutionGrant> add(String role, List<ExecutionGrant> grants) {
            List<ExecutionGrant> added = grants.stream().filter(g -> !recorded.contains(g)).toList();
            if (!added.isEmpty()) {
                writes++;
                recorded.addAll(added);
            }
            return added;
        }
    }

    @Test
    void remediate_whenRoleIsManaged_grantsTheSecretOnceAndNothingOnReplay() {
        MemoryRecord record = new MemoryRecord();
        ExecutionRoleRemediation remediation = new ExecutionRoleRemediation(CONFIG, List.of(), record);
        RoleSnapshot role = role("/ecs-iam-guard/", "ecs-web-execution-role", Map.of("ManagedBy", "ecs-iam-guard",
                "Service", "web"));

        var first = remediation.remediate(td(), ctx(role));
        var replay = remediation.remediate(td(), ctx(role));

        assertThat(first.granted()).extracting(g -> g.grant().resource()).containsExactly(SECRET);
        assertThat(record.recorded).containsExactly(new ExecutionGrant(List.of("secretsmanager:GetSecretValue"),
                SECRET));
        assertThat(replay.granted()).isEmpty();
        assertThat(record.writes).isEqualTo(1);
    }

    @Test
    void remediate_whenRoleIsNotOneThisApplicationManages_grantsNothing() {
        for (RoleSnapshot role : List.of(
                role("/ecs-iam-guard/", "ecs-web-execution-role", Map.of("Service", "web")),
                role("/", "ecs-web-execution-role", Map.of("ManagedBy", "ecs-iam-guard", "Service", "web")),
                role("/ecs-iam-guard/", "web-exec", Map.of("ManagedBy", "ecs-iam-guard", "Service", "web")),
                role("/ecs-iam-guard/", "ecs-web-execution-role", Map.of("ManagedBy", "ecs-iam-guard",
                        "Service", "billing")))) {
            MemoryRecord record = new MemoryRecord();

            var outcome = new ExecutionRoleRemediation(CONFIG, List.of(), record).remediate(td(), ctx(role));

            assertThat(outcome.skipped()).as(role.path() + role.name()).contains("not one this application manages");
            assertThat(record.writes).isZero();
        }
    }

    private static RoleSnapshot role(String path, String name, Map<String, String> tags) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        return new RoleSnapshot("arn:aws:iam::123456789012:role" + path + name, name, path,
                new NamedPolicy("trust", PolicyDocument.parseTrust(trust)), List.of(), List.of(), Optional.empty(),
                tags);
    }

    private static RoleAnalysisContext ctx(RoleSnapshot exec) {
        return new RoleAnalysisContext("aws", "us-east-1", "123456789012", RoleResolution.found(exec),
                RoleResolution.unknown("no task role"), Map.of());
    }

    private static TaskDefinition td() {
        return TaskDefinitionParser.parse("{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:"
                + "task-definition/web:1\",\"family\":\"web\",\"revision\":1,\"executionRoleArn\":"
                + "\"arn:aws:iam::123456789012:role/ecs-iam-guard/ecs-web-execution-role\",\"containerDefinitions\":"
                + "[{\"name\":\"app\",\"image\":\"nginx\",\"secrets\":[{\"name\":\"DB\",\"valueFrom\":\"" + SECRET
                + "\"}]}]}");
    }
}
