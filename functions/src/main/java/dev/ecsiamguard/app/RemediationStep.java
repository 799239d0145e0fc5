package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.IamInlinePolicies;
import dev.ecsiamguard.aws.SecretsManagerKeys;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.event.TaskDefinitionRegistered;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wires remediation into the validation flow as its own step: reads the revision's roles afresh, remediates
 * through the spec table, IAM and the secrets' keys, and publishes "Execution Role Remediated" whenever something
 * was granted, refused or could not be read.
 */
final class RemediationStep {

    static final String DETAIL_TYPE = "Execution Role Remediated";

    private final AwsClients clients;
    private final EventPublisher publisher;

    RemediationStep(AwsClients clients, EventPublisher publisher) {
        this.clients = clients;
        this.publisher = publisher;
    }

    RemediationOutcome remediate(ValidationConfig.Remediation settings, TaskDefinition td,
                                 TaskDefinitionRegistered event, Map<String, String> tags) {
        RoleAnalysisContext ctx = RoleAnalysisContext.resolve(td, new AccountRoleLookup(clients.iam(),
                event.account()), event.account(), event.region(), tags);
        var outcome = new ExecutionRoleRemediation(settings.names(), settings.environmentFileBuckets(),
                DynamoDbServiceSpecStore.fromEnvironment(settings.specTable(), clients),
                new IamInlinePolicies(clients.iam()),
                new SecretsManagerKeys(clients.secretsManager(), clients.kms())).remediate(td, ctx);
        if (outcome.eventful()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("taskDefinitionArn", td.arn());
            detail.putAll(outcome.toMap());
            publisher.publish(DETAIL_TYPE, Json.write(detail), td.arn());
        }
        return outcome;
    }
}
