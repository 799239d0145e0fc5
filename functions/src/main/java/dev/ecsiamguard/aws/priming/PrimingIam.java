package dev.ecsiamguard.aws.priming;

import dev.ecsiamguard.core.provision.DesiredRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** IAM and STS of the {@link PrimingAccount}, in their Query protocol (form-encoded requests, XML answers). */
final class PrimingIam {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/"
            + "AmazonECSTaskExecutionRolePolicy";
    private static final String EXECUTION_POLICY_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"ecr:BatchCheckLayerAvailability\","
            + "\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchGetImage\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
            + "\"Resource\":\"*\"}]}";

    private static final class Role {
        String path = "/";
        String trust = "{}";
        String boundary;
        final Map<String, String> inline = new LinkedHashMap<>();
        final List<String> attached = new ArrayList<>();
        final Map<String, String> tags = new TreeMap<>();
    }

    private final String account;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private String providerUrl;

    PrimingIam(String account) {
        this.account = account;
    }

    void seed(DesiredRole desired) {
        Role role = new Role();
        role.path = desired.path();
        role.trust = desired.trustPolicy();
        role.inline.putAll(desired.inlinePolicies());
        role.attached.addAll(desired.managedPolicyArns());
        role.tags.putAll(desired.tags());
        role.boundary = desired.boundaryArn().orElse(null);
        roles.put(desired.name(), role);
    }

    void attach(String roleName, String policyArn) {
        Role role = roles.get(roleName);
        if (role == null) {
            throw new IllegalArgumentException("priming seeds no role named " + roleName);
        }
        if (!role.attached.contains(policyArn)) {
            role.attached.add(policyArn);
        }
    }

    PrimingAccount.Answer answer(String service, String action, Map<String, String> p) {
        if (service.equals("sts")) {
            if (!action.equals("GetCallerIdentity")) {
                throw PrimingAccount.unknown(service, action);
            }
            return ok(action, el("Account", account) + el("Arn", "arn:aws:iam::" + account + ":root")
                    + el("UserId", account));
        }
        String name = p.getOrDefault("RoleName", "");
        Role role = roles.get(name);
        switch (action) {
            case "CreateRole" -> {
                Role created = new Role();
                created.path = p.getOrDefault("Path", "/");
                created.trust = p.getOrDefault("AssumeRolePolicyDocument", "{}");
                created.boundary = p.get("PermissionsBoundary");
                created.tags.putAll(tags(p));
                roles.put(name, created);
                return ok(action, roleXml(name, created));
            }
            case "GetOpenIDConnectProvider" -> {
                return providerUrl == null ? noSuchEntity(action, "provider")
                        : ok(action, el("Url", providerUrl) + "<ClientIDList><member>sts.amazonaws.com</member>"
                        + "</ClientIDList><ThumbprintList/><Tags/>");
            }
            case "CreateOpenIDConnectProvider" -> {
                providerUrl = p.getOrDefault("Url", "");
                return ok(action, el("OpenIDConnectProviderArn", "arn:aws:iam::" + account + ":oidc-provider/"
                        + providerUrl.replaceFirst("^https://", "")));
            }
            case "TagOpenIDConnectProvider" -> {
                return ok(action, "");
            }
            case "GetPolicy" -> {
                String arn = p.getOrDefault("PolicyArn", "");
                return ok(action, "<Policy>" + el("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                        + el("Arn", arn) + el("DefaultVersionId", "v1") + "</Policy>");
            }
            case "GetPolicyVersion" -> {
                // AWS's execution policy as published; any other policy (a boundary) allows everything
                String document = EXECUTION_POLICY.equals(p.get("PolicyArn")) ? EXECUTION_POLICY_DOCUMENT
                        : "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]}";
                return ok(action, "<PolicyVersion>" + el("Document", encode(document)) + el("VersionId", "v1")
                        + el("IsDefaultVersion", "true") + "</PolicyVersion>");
            }
            default -> {
                // every other action is about one existing role
            }
        }
        if (role == null) {
            return noSuchEntity(action, "role " + name);
        }
        return switch (action) {
            case "GetRole" -> ok(action, roleXml(name, role));
            case "ListRolePolicies" -> ok(action, "<PolicyNames>" + String.join("", role.inline.keySet().stream()
                    .map(n -> el("member", n)).toList()) + "</PolicyNames><IsTruncated>false</IsTruncated>");
            case "GetRolePolicy" -> role.inline.containsKey(p.get("PolicyName"))
                    ? ok(action, el("RoleName", name) + el("PolicyName", p.get("PolicyName"))
                    + el("PolicyDocument", encode(role.inline.get(p.get("PolicyName")))))
                    : noSuchEntity(action, "policy " + p.get("PolicyName"));
            case "ListAttachedRolePolicies" -> ok(action, "<AttachedPolicies>" + String.join("", role.attached
                    .stream().map(a -> "<member>" + el("PolicyName", a.substring(a.lastIndexOf('/') + 1))
                            + el("PolicyArn", a) + "</member>").toList())
                    + "</AttachedPolicies><IsTruncated>false</IsTruncated>");
            case "ListRoleTags" -> ok(action, tagsXml(role.tags) + "<IsTruncated>false</IsTruncated>");
            case "PutRolePolicy" -> {
                role.inline.put(p.get("PolicyName"), p.get("PolicyDocument"));
                yield ok(action, "");
            }
            case "AttachRolePolicy" -> {
                role.attached.add(p.get("PolicyArn"));
                yield ok(action, "");
            }
            case "TagRole" -> {
                role.tags.putAll(tags(p));
                yield ok(action, "");
            }
            case "UpdateAssumeRolePolicy" -> {
                role.trust = p.get("PolicyDocument");
                yield ok(action, "");
            }
            case "PutRolePermissionsBoundary" -> {
                role.boundary = p.get("PermissionsBoundary");
                yield ok(action, "");
            }
            default -> throw PrimingAccount.unknown(service, action);
        };
    }

    private String roleXml(String name, Role role) {
        String boundary = role.boundary == null ? "" : "<PermissionsBoundary>"
                + el("PermissionsBoundaryType", "Policy") + el("PermissionsBoundaryArn", role.boundary)
                + "</PermissionsBoundary>";
        return "<Role>" + el("Path", role.path) + el("RoleName", name) + el("RoleId", "AROAPRIMING")
                + el("Arn", "arn:aws:iam::" + account + ":role" + role.path + name)
                + el("CreateDate", "2026-01-01T00:00:00Z") + el("AssumeRolePolicyDocument", encode(role.trust))
                + el("MaxSessionDuration", "3600") + tagsXml(role.tags) + boundary
                + "<RoleLastUsed>" + el("LastUsedDate", "2026-01-01T00:00:00Z") + el("Region", "us-east-1")
                + "</RoleLastUsed></Role>";
    }

    private static Map<String, String> tags(Map<String, String> p) {
        Map<String, String> tags = new TreeMap<>();
        for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(p.get("Tags.member." + i + ".Key"), p.getOrDefault("Tags.member." + i + ".Value", ""));
        }
        return tags;
    }

    private static String tagsXml(Map<String, String> tags) {
        return "<Tags>" + String.join("", tags.entrySet().stream().map(t -> "<member>" + el("Key", t.getKey())
                + el("Value", t.getValue()) + "</member>").toList()) + "</Tags>";
    }

    private static PrimingAccount.Answer ok(String action, String result) {
        return new PrimingAccount.Answer(action, 200, "text/xml", "<" + action + "Response xmlns=\"" + NS + "\"><"
                + action + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>priming"
                + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static PrimingAccount.Answer noSuchEntity(String action, String what) {
        return new PrimingAccount.Answer(action, 404, "text/xml", "<ErrorResponse xmlns=\"" + NS + "\"><Error>"
                + "<Type>Sender</Type><Code>NoSuchEntity</Code><Message>" + escape(what) + " does not exist"
                + "</Message></Error><RequestId>priming</RequestId></ErrorResponse>");
    }

    private static String el(String name, String value) {
        return "<" + name + ">" + escape(value == null ? "" : value) + "</" + name + ">";
    }

    private static String encode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
