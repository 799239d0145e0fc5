package dev.ecsiamguard.aws.priming;

import dev.ecsiamguard.core.provision.DesiredRole;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny in-memory AWS account for SnapStart priming: it remembers what priming "creates" (roles, policies, the
 * log group, the cluster, GitHub's provider) and answers reads from it, so a priming run takes the same path as a
 * real first invocation, writes and convergence included, without leaving the process. An operation it does not
 * know fails the priming loudly rather than answering something made up.
 */
public final class PrimingAccount {

    /** One answer: the operation it was for, HTTP status, content type and body. */
    public record Answer(String operation, int status, String contentType, String body) {
    }

    private final String account;
    private final String region;
    private final PrimingIam iam;
    private final PrimingJsonServices json;
    private final PrimingHttpClient transport = new PrimingHttpClient(this);

    public PrimingAccount(String account, String region) {
        this.account = account;
        this.region = region;
        this.iam = new PrimingIam(account);
        this.json = new PrimingJsonServices(account, region);
    }

    /** The SDK transport that answers from this account. */
    public PrimingHttpClient transport() {
        return transport;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** A role that exists before priming starts (e.g. the roles a validated task definition names). */
    public PrimingAccount withRole(DesiredRole role) {
        iam.seed(role);
        return this;
    }

    /** An AWS or customer managed policy attached to a role seeded before. */
    public PrimingAccount withAttachedPolicy(String roleName, String policyArn) {
        iam.attach(roleName, policyArn);
        return this;
    }

    /** From now on ECS refuses ListAccountSettings, as it does a function without that permission. */
    public PrimingAccount withAccountSettingsRefused() {
        json.refuseAccountSettings();
        return this;
    }

    /** The revision DescribeTaskDefinition answers with: a `taskDefinition` JSON object, as ECS writes it. */
    public PrimingAccount withTaskDefinition(String taskDefinitionJson) {
        json.taskDefinition(taskDefinitionJson);
        return this;
    }

    /** The repository DescribeRepositories and ListTagsForResource answer with. */
    public PrimingAccount withRepository(String name, Map<String, String> tags) {
        json.repository(name, tags);
        return this;
    }

    /** Answers a request: Query protocol (`Action=` form body) for IAM and STS, JSON (`X-Amz-Target`) otherwise. */
    public Answer answer(String service, String target, String body) {
        if (service.equals("iam") || service.equals("sts")) {
            Map<String, String> params = form(body);
            return iam.answer(service, params.getOrDefault("Action", ""), params);
        }
        String operation = target.substring(target.indexOf('.') + 1);
        return json.answer(service, operation, body.isBlank() ? "{}" : body);
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static IllegalStateException unknown(String service, String operation) {
        return new IllegalStateException("SnapStart priming has no answer for " + service + ":" + operation
                + "; teach PrimingAccount this operation");
    }
}
