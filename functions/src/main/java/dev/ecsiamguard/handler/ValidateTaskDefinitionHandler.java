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

    private final BackgroundBuild<TaskDefinitionValidation> validation;
    private final String region;

    /** As Lambda constructs it: the graph is built in the background (see {@link BackgroundBuild}). */
    public ValidateTaskDefinitionHandler() {
        this(BackgroundBuild.start("validation", () -> validation(System.getenv())),
                AwsSettings.regionName(System.getenv()));
        ClassPreload.start(getClass());
        Priming.register(getClass().getName(), () -> {  // SnapStart
            validation.get();
            HandlerPriming.validation(System.getenv());
        });
    }

    public ValidateTaskDefinitionHandler(Map<String, String> env) {
        this(BackgroundBuild.ready(validation(env)), AwsSettings.regionName(env));
    }

    /** With the function's own region (its `AWS_REGION`); account and partition come from each invocation. */
    ValidateTaskDefinitionHandler(TaskDefinitionValidation validation, String region) {
        this(BackgroundBuild.ready(validation), region);
    }

    private ValidateTaskDefinitionHandler(BackgroundBuild<TaskDefinitionValidation> validation, String region) {
        this.validation = validation;
        this.region = Objects.requireNonNull(region, "region");
    }

    private static TaskDefinitionValidation validation(Map<String, String> env) {
        AwsClients clients = new AwsClients(AwsSettings.fromEnvironment(env));
        return new TaskDefinitionValidation(ValidationConfig.fromEnvironment(env), clients)
                .withRoleCache(RoleCache.fromEnvironment(env, clients));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        TaskDefinitionValidation validation = this.validation.get();  // a failed build fails the invocation
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
