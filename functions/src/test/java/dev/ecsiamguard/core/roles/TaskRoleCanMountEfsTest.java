package dev.ecsiamguard.core.roles;

import static dev.ecsiamguard.core.roles.RoleFixtures.ACCOUNT;
import static dev.ecsiamguard.core.roles.RoleFixtures.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.provision.capability.CapabilityScope;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A task role provisioned with capabilities passes every task-role rule; the efs capability lets EFS mount. */
class TaskRoleCanMountEfsTest {

    private static final CapabilityScope SCOPE = new CapabilityScope("web", "aws", ACCOUNT, List.of(REGION),
            "dev/web/", "/dev/web/");
    private static final List<String> EVERY_CAPABILITY = List.of("exec", "xray", "s3.read-write=web-uploads/in",
            "dynamodb.read-write=web", "sqs.consume=web-jobs", "sqs.send=web-out", "sns=web-events",
            "ses=example.com=noreply@example.com", "secrets", "ssm", "metrics=Web",
            "kms.read-write=1234abcd-12ab-34cd-56ef-1234567890ab",
            "efs.read-write=fs-0123abcd=fsap-0123456789abcdef0");
    private static final List<RoleRule> TASK_ROLE_RULES = List.of(new TaskRoleNotAdmin(),
            new TaskRoleNoServiceWildcards(), new TaskRoleNoPrivilegeEscalation(), new TaskRolePassRoleScoped(),
            new TaskRoleExecMatchesIntent(), new TaskRoleCanMountEfs());

    @Test
    void taskRoleRules_whenRoleHasEveryCapability_findNothing() {
        assertThat(check(EVERY_CAPABILITY)).isEmpty();
    }

    @Test
    void efsMount_whenRoleLacksTheEfsCapability_isReportedWithTheDeclarationAsFix() {
        List<Finding> findings = check(List.of("exec", "s3=web-uploads"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("TD-EFS-IAM-NEEDS-TASKROLE");
            assertThat(f.message()).contains("elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite",
                    "through access point fsap-0123456789abcdef0");
            assertThat(f.fix()).contains("efs.read-write=fs-0123abcd=fsap-0123456789abcdef0");
        });
    }

    @Test
    void efsMount_whenCapabilityIsReadOnlyButAContainerWrites_reportsClientWriteOnly() {
        List<String> readOnly = new ArrayList<>(EVERY_CAPABILITY);
        readOnly.set(readOnly.size() - 1, "efs=fs-0123abcd=fsap-0123456789abcdef0");

        assertThat(check(readOnly)).singleElement().extracting(Finding::message).asString()
                .contains("not allowed elasticfilesystem:ClientWrite on");
    }

    private static List<Finding> check(List<String> capabilities) {
        String policy = TaskRoleCapabilities.policy(TaskRoleCapabilities.fromList(capabilities, "capabilities"),
                SCOPE).orElseThrow();
        RoleSnapshot task = new RoleSnapshot(RoleFixtures.TASK, "web-task", "/",
                new NamedPolicy("trust", PolicyDocument.parseTrust(RoleFixtures.TRUST)),
                List.of(new NamedPolicy("ecs-iam-guard-task-capabilities", PolicyDocument.parseIdentity(policy))),
                List.of(), Optional.empty(), Map.of());
        RoleAnalysisContext ctx = RoleFixtures.ctx(null, task, Map.of("ecs-iam-guard:capabilities", "exec"));
        List<Finding> findings = new ArrayList<>();
        TASK_ROLE_RULES.forEach(rule -> findings.addAll(rule.check(efsTask(), ctx)));
        return findings;
    }

    private static TaskDefinition efsTask() {
        return TaskDefinitionParser.parse("{\"taskDefinitionArn\":\"" + RoleFixtures.TD_ARN + "\",\"family\":\"web\","
                + "\"revision\":3,\"networkMode\":\"awsvpc\",\"taskRoleArn\":\"" + RoleFixtures.TASK + "\","
                + "\"volumes\":[{\"name\":\"data\",\"efsVolumeConfiguration\":{\"fileSystemId\":\"fs-0123abcd\","
                + "\"transitEncryption\":\"ENABLED\",\"authorizationConfig\":{\"iam\":\"ENABLED\","
                + "\"accessPointId\":\"fsap-0123456789abcdef0\"}}}],"
                + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\","
                + "\"mountPoints\":[{\"sourceVolume\":\"data\",\"containerPath\":\"/data\"}]}]}");
    }
}
