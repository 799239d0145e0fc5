package dev.ecsiamguard.event;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ecsiamguard.core.github.GitHubOidc;
import dev.ecsiamguard.core.github.GitHubSubject;
import dev.ecsiamguard.core.github.RoleUse;
import java.util.List;
import java.util.Map;

/** The CloudTrail calls the GitHub OIDC function acts on, each parsed to what it needs; anything else is refused. */
public sealed interface GitHubOidcEvent {

    List<String> ROLE_CHANGES = List.of("CreateRole", "UpdateAssumeRolePolicy", "PutRolePolicy", "AttachRolePolicy");

    String account();

    String region();

    /** `iam:CreateOpenIDConnectProvider` for GitHub's issuer: ensure the provider and every deploy role. */
    record ProviderCreated(String account, String region, String url) implements GitHubOidcEvent {
    }

    /** A change to a role's trust or permissions: check the role if it trusts GitHub. */
    record RoleChanged(String account, String region, String roleName, String eventName) implements GitHubOidcEvent {
    }

    /** GitHub's provider assumed a role: compare the subject with the configuration and re-check the role. */
    record RoleAssumed(String account, String region, RoleUse use) implements GitHubOidcEvent {
    }

    /** GitHub's provider was refused a role (a failed call): who tried, from where, and why it was refused. */
    record RoleAssumeDenied(String account, String region, RoleUse use, String errorCode, String sourceIp)
            implements GitHubOidcEvent {
    }

    /** The detail-type of an on-demand request put on the application's bus (source `ecs-iam-guard.on-demand`). */
    String REQUEST = "GitHub OIDC Requested";

    /**
     * Either an on-demand request (`{"action": "provision"}` or `{"action": "check", "roleName": "..."}`) or a
     * CloudTrail call.
     */
    static GitHubOidcEvent from(ScheduledEvent event) {
        if (event == null || !REQUEST.equals(event.getDetailType())) {
            return from(CloudTrailCall.from(event));
        }
        Map<String, Object> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        String account = String.valueOf(event.getAccount());
        String region = String.valueOf(event.getRegion());
        Object action = detail.get("action");
        if ("provision".equals(action)) {
            return new ProviderCreated(account, region, GitHubOidc.URL);
        }
        if ("check".equals(action) && detail.get("roleName") instanceof String role
                && role.matches("[\\w+=,.@-]{1,64}")) {
            return new RoleChanged(account, region, role, "on-demand");
        }
        throw new InvalidEventException("request detail must be {\"action\": \"provision\"} or {\"action\": \"check\", "
                + "\"roleName\": \"<IAM role name>\"}, got " + detail);
    }

    static GitHubOidcEvent from(CloudTrailCall call) {
        String source = call.eventSource();
        String name = call.eventName();
        if (source.equals("iam.amazonaws.com") && name.equals("CreateOpenIDConnectProvider")) {
            call.require(source, name);
            String url = call.request("url").orElseThrow(() -> new InvalidEventException(
                    "event has no `detail.requestParameters.url`"));
            if (!GitHubOidc.isGitHubUrl(url)) {
                throw new InvalidEventException("provider URL `" + url + "` is not GitHub's (`" + GitHubOidc.URL
                        + "`): nothing to do");
            }
            return new ProviderCreated(call.account(), call.region(), url);
        }
        if (source.equals("iam.amazonaws.com") && ROLE_CHANGES.contains(name)) {
            call.require(source, name);
            String role = call.request("roleName").orElseThrow(() -> new InvalidEventException(
                    "event has no `detail.requestParameters.roleName`"));
            if (!role.matches("[\\w+=,.@-]{1,64}")) {
                throw new InvalidEventException("role name `" + role + "` is not a valid IAM role name");
            }
            return new RoleChanged(call.account(), call.region(), role, name);
        }
        if (source.equals("sts.amazonaws.com") && name.equals("AssumeRoleWithWebIdentity")) {
            if (call.errorCode().isPresent()) {
                RoleUse attempt = roleUse(call);
                return new RoleAssumeDenied(call.account(), call.region(), attempt, call.errorCode().get(),
                        call.sourceIp());
            }
            return new RoleAssumed(call.account(), call.region(), roleUse(call.require(source, name)));
        }
        throw new InvalidEventException("event is `" + source + ":" + name + "`: expected iam "
                + "CreateOpenIDConnectProvider, " + String.join("/", ROLE_CHANGES)
                + " or sts AssumeRoleWithWebIdentity");
    }

    private static RoleUse roleUse(CloudTrailCall call) {
        String provider = call.identity("identityProvider").or(() -> call.response("provider"))
                .orElseThrow(() -> new InvalidEventException("event has no `detail.userIdentity.identityProvider`"));
        if (GitHubOidc.issuerOf(provider).isEmpty()) {
            throw new InvalidEventException("identity provider `" + provider + "` is not GitHub's: nothing to check");
        }
        String roleArn = call.request("roleArn").orElseThrow(() -> new InvalidEventException(
                "event has no `detail.requestParameters.roleArn`"));
        if (!roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
            throw new InvalidEventException("role ARN `" + roleArn + "` is not an IAM role ARN");
        }
        // A denied call has no responseElements; its subject is in userIdentity (or the request, as CloudTrail shows)
        String subject = call.identity("userName").or(() -> call.response("subjectFromWebIdentityToken"))
                .or(() -> call.request("subjectFromWebIdentityToken"))
                .orElseThrow(() -> new InvalidEventException("event has no `detail.userIdentity.userName`"));
        try {
            return new RoleUse(roleArn, GitHubSubject.parse(subject), call.response("audience").orElse(""),
                    call.eventId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage());
        }
    }
}
