package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.RolePolicyGrantRecord;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.event.TaskDefinitionRegistered;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Wires remediation into the validation flow as its own step: reads the revision's roles afresh, remediates, and
 * publishes "Execution Role Remediated" whenever something was granted or refused.
 */
final class RemediationStep {

    static final String DETAIL_TYPE = "Execution Role Remediated";

    private final IamClient iam;
    private final EventPublisher publisher;

    RemediationStep(IamClient iam, EventPublisher publisher) {
        this.iam = iam;
        this.publisher = publisher;
    }

    ExecutionRoleRemediation.Outcome remediate(ValidationConfig.Remediation settings, TaskDefinition td,
                                               TaskDefinitionRegistered event, Map<String, String> tags) {
        RoleAnalysisContext ctx = RoleAnalysisContext.resolve(td, new AccountRoleLookup(iam, event.account()),
                event.account(), event.region(), tags);
        var outcome = new ExecutionRoleRemediation(settings.names(), settings.environmentFileBuckets(),
                new RolePolicyGrantRecord(iam)).remediate(td, ctx);
        if (!outcome.granted().isEmpty() || !outcome.refused().isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("taskDefinitionArn", td.arn());
            detail.putAll(outcome.toMap());
            publisher.publish(DETAIL_TYPE, Json.write(detail), td.arn());
        }
        return outcome;
    }
}
