package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.app.TaskDefinitionValidation;
import dev.ecsiamguard.app.rolechange.RoleChangeApplication;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.event.CloudTrailCall;
import dev.ecsiamguard.event.InvalidEventException;
import dev.ecsiamguard.event.RoleChanged;
import dev.ecsiamguard.event.ServiceChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-judges on every role change, and keeps the role-usage index it needs: an IAM change to a role (or to a managed
 * policy attached to roles) re-validates the revisions that use the role; "Task Definition Validated" events and ECS
 * service creations and updates feed the index. Invalid input gives a `rejected` result; AWS failures are thrown so
 * that EventBridge's retries and the dead-letter queue take over.
 */
public final class RoleChangeHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final BackgroundBuild<RoleChangeApplication> built;

    /** As Lambda constructs it: the application is built in the background (see {@link BackgroundBuild}). */
    public RoleChangeHandler() {
        this(BackgroundBuild.start("role-change", () -> application(System.getenv())));
        ClassPreload.start(getClass());
        // SnapStart: no sample invocation (it would need a role-usage index), but the snapshot holds the built graph,
        // the transport and the serialization primed, never a build half done.
        Priming.register(getClass().getName(), built::get);
    }

    public RoleChangeHandler(Map<String, String> env) {
        this(application(env));
    }

    RoleChangeHandler(RoleChangeApplication app) {
        this(BackgroundBuild.ready(app));
    }

    private RoleChangeHandler(BackgroundBuild<RoleChangeApplication> built) {
        this.built = built;
    }

    private static RoleChangeApplication application(Map<String, String> env) {
        return new RoleChangeApplication(env, new AwsClients(AwsSettings.fromEnvironment(env)));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        RoleChangeApplication app = built.get();
        long callsBefore = app.callCount();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            result.putAll(dispatch(app, event));
        } catch (InvalidEventException e) {
            result.put("status", "rejected");
            result.put("error", e.getMessage());
        }
        result.putIfAbsent("changes", List.of());
        result.put("awsCalls", app.callCount() - callsBefore);
        LogLine.write(context, "rejected".equals(result.get("status")) || Boolean.FALSE.equals(result.get("passed"))
                ? "WARN" : "INFO", "role-change", result);
        return result;
    }

    private static Map<String, Object> dispatch(RoleChangeApplication app, ScheduledEvent event) {
        if (event != null && EventPublisher.SOURCE.equals(event.getSource())
                && TaskDefinitionValidation.DETAIL_TYPE.equals(event.getDetailType())) {
            Object arn = event.getDetail() == null ? null : event.getDetail().get("taskDefinitionArn");
            if (!(arn instanceof String s) || !s.startsWith("arn:")) {
                throw new InvalidEventException("`" + TaskDefinitionValidation.DETAIL_TYPE
                        + "` event has no `detail.taskDefinitionArn`");
            }
            return app.indexing().validated(s);
        }
        CloudTrailCall call = CloudTrailCall.from(event);
        if ("ecs.amazonaws.com".equals(call.eventSource())) {
            return app.indexing().serviceChanged(ServiceChanged.from(call));
        }
        return app.revalidation().revalidate(RoleChanged.from(event, call));
    }
}
