package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.ValidationConfig;
import dev.ecsiamguard.app.ValidationResult;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.event.CloudTrailCall;
import dev.ecsiamguard.event.Envelope;
import dev.ecsiamguard.event.FunctionScope;
import dev.ecsiamguard.event.InvalidEventException;
import dev.ecsiamguard.event.TaskDefinitionRegistered;
import java.util.Map;
import java.util.Objects;

/**
 * On CloudTrail `ecs:RegisterTaskDefinition`: validate the new revision and its roles, publish the report, and in
 * enforce mode mark a failing revision. Invalid input gives a `rejected` result; AWS failures are thrown so that
 * EventBridge's asynchronous retries and the dead-letter queue take over.
 */
public final class ValidateTaskDefinitionHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final TaskDefinitionValidation validation;
    private final String region;

    public ValidateTaskDefinitionHandler() {
        this(System.getenv());
        Priming.register(getClass().getName(), () -> HandlerPriming.validation(System.getenv()));  // SnapStart
    }

    public ValidateTaskDefinitionHandler(Map<String, String> env) {
        this(env, new AwsClients(AwsSettings.fromEnvironment(env)));
    }

    private ValidateTaskDefinitionHandler(Map<String, String> env, AwsClients clients) {
        this(new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env), clients)
                .withRoleCache(RoleCache.fromEnvironment(env, clients)), clients.settings().region().id());
    }

    /** With the function's own region (its `AWS_REGION`); account and partition come from each invocation. */
    ValidateTaskDefinitionHandler(TaskDefinitionValidation validation, String region) {
        this.validation = Objects.requireNonNull(validation, "validation");
        this.region = Objects.requireNonNull(region, "region");
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        ValidationResult result;
        String reference = null;
        try {
            FunctionScope own = FunctionScope.of(context, region);
            Envelope.requireWithin(event, own);
            TaskDefinitionRegistered registered = TaskDefinitionRegistered.from(CloudTrailCall.from(event));
            reference = registered.describeTarget();
            registered.taskDefinitionArn().ifPresent(arn -> own.requireOwnArn(arn, "task definition ARN"));
            result = validation.validate(registered);
        } catch (InvalidEventException e) {
            result = ValidationResult.rejected(reference, e.getMessage());
        }
        String level = "ok".equals(result.status()) ? (Boolean.TRUE.equals(result.passed()) ? "INFO" : "WARN")
                : "WARN";
        LogLine.write(context, level, "validate-task-definition", result.toMap());
        return result.toMap();
    }
}
