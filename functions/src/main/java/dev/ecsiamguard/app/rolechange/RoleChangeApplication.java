package dev.ecsiamguard.app.rolechange;

import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.DynamoDbRoleChangeMarkers;
import dev.ecsiamguard.aws.DynamoDbRoleUsageIndex;
import dev.ecsiamguard.aws.EcsRoleUsers;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.IamPolicyAttachments;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.event.TaskDefinitionRegistered;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the role-change use cases to AWS: the index table ({@code ROLE_USAGE_TABLE}), ECS and IAM of the function's
 * region, and the application's one validation ({@link TaskDefinitionValidation}) used as it is, so a re-judged
 * revision also gets its usual "Task Definition Validated" event.
 */
public final class RoleChangeApplication {

    private final RoleChangeRevalidation revalidation;
    private final RoleUsageIndexing indexing;
    private final AwsClients clients;

    public RoleChangeApplication(Map<String, String> env, AwsClients clients) {
        String table = env.get("ROLE_USAGE_TABLE");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("ROLE_USAGE_TABLE is not set: the role-usage index table is needed");
        }
        this.clients = clients;
        ValidationConfig config = ValidationConfig.fromEnvironment(env);
        if (config.enforcing()) {
            // A role change must never tag or deregister a revision that services run: re-judging only reports.
            throw new IllegalArgumentException("MODE is enforce: the role-change function only reports (MODE=audit)");
        }
        // Its reads are trusted like everywhere else; each recorded change makes the changed roles' reads fresh.
        TaskDefinitionValidation validation = new TaskDefinitionValidation(config, clients)
                .withRoleCache(RoleCache.fromEnvironment(env, clients));
        String region = clients.settings().region().id();
        RevisionJudge judge = (arn, family, account) -> validation.validate(new TaskDefinitionRegistered(
                Optional.of(arn), Optional.ofNullable(family), account, region, ""));
        EventPublisher bus = new EventPublisher(clients.eventBridge(), config.busName());
        RoleUsageIndex index = new DynamoDbRoleUsageIndex(clients.dynamoDb(), table.strip(), Clock.systemUTC());
        EcsRoleUsers ecs = new EcsRoleUsers(clients.ecs());
        this.revalidation = new RoleChangeRevalidation(index, ecs, new IamPolicyAttachments(clients.iam()), judge,
                (detail, arn) -> bus.publish(RoleChangeRevalidation.DETAIL_TYPE, detail, arn),
                new DynamoDbRoleChangeMarkers(clients.dynamoDb(), table.strip()));
        this.indexing = new RoleUsageIndexing(index, ecs);
    }

    public RoleChangeRevalidation revalidation() {
        return revalidation;
    }

    public RoleUsageIndexing indexing() {
        return indexing;
    }

    /** AWS calls made so far by this application's clients. */
    public long callCount() {
        return clients.callCount();
    }
}
