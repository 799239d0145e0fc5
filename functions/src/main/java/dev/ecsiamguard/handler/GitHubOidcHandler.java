package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.app.GitHubOidcResult;
import dev.ecsiamguard.app.GitHubOidcService;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.event.Envelope;
import dev.ecsiamguard.event.FunctionScope;
import dev.ecsiamguard.event.GitHubOidcEvent;
import dev.ecsiamguard.event.InvalidEventException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * On GitHub's provider being created, a role trusting GitHub changing, or GitHub assuming a role: provision,
 * check, or check the use. Invalid input or configuration gives a `rejected` result with nothing written;
 * AWS failures are thrown so EventBridge retries and the dead-letter queue take over.
 */
public final class GitHubOidcHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final Supplier<GitHubOidcService> service;
    private final String region;

    /** As Lambda constructs it: the service is built in the background (see {@link BackgroundBuild}). */
    public GitHubOidcHandler() {
        this(inBackground(BackgroundBuild.start("github", () -> GitHubOidcService.fromEnvironment(System.getenv()))),
                AwsSettings.regionName(System.getenv()));
        ClassPreload.start(getClass());
        Priming.register(getClass().getName(), () -> HandlerPriming.gitHub(System.getenv()));  // SnapStart
    }

    private static Supplier<GitHubOidcService> inBackground(BackgroundBuild<Supplier<GitHubOidcService>> built) {
        return () -> built.get().get();
    }

    public GitHubOidcHandler(Map<String, String> env) {
        this(GitHubOidcService.fromEnvironment(env), AwsSettings.regionName(env));
    }

    /** With the function's own region (its `AWS_REGION`); account and partition come from each invocation. */
    GitHubOidcHandler(Supplier<GitHubOidcService> service, String region) {
        this.service = service;
        this.region = region;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        GitHubOidcResult result;
        try {
            FunctionScope own = FunctionScope.of(context, region);
            Envelope.requireWithin(event, own);
            GitHubOidcEvent parsed = GitHubOidcEvent.from(event);
            if (parsed instanceof GitHubOidcEvent.RoleAssumed assumed) {
                own.requireOwnArn(assumed.use().roleArn(), "assumed role");
            }
            // IAM's events come from the partition's global region; roles are global, regional ARNs are ours.
            AccountScope scope = own.accountScope();
            GitHubOidcService oidc = service.get();
            if (parsed instanceof GitHubOidcEvent.ProviderCreated) {
                result = oidc.provision(scope);
            } else if (parsed instanceof GitHubOidcEvent.RoleChanged changed) {
                result = oidc.checkRole(changed.roleName(), scope);
            } else if (parsed instanceof GitHubOidcEvent.RoleAssumeDenied denied) {
                result = oidc.checkDeniedUse(denied.use(), denied.errorCode(), denied.sourceIp(), scope);
            } else {
                result = oidc.checkUse(((GitHubOidcEvent.RoleAssumed) parsed).use(), scope);
            }
        } catch (InvalidEventException | IllegalArgumentException e) {
            result = GitHubOidcResult.rejected(e.getMessage());
        }
        boolean failed = result.report().map(r -> !r.passed(GitHubOidcResult.THRESHOLD)).orElse(false);
        LogLine.write(context, result.status().equals("rejected") || failed ? "WARN" : "INFO", "github-oidc",
                result.toMap());
        return result.toMap();
    }
}
