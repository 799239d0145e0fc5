package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.github.RoleDocuments;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyKind;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.policy.Placeholders;
import dev.ecsiamguard.core.roles.GaadRoleLookup;
import dev.ecsiamguard.core.roles.GetRoleReader;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Tells which kind of role document a file is by its shape and reads it into roles: account details hold
 * {@code RoleDetailList}, {@code get-role} output holds {@code Role}, and a bare policy whose statements name a
 * {@code Principal} is a trust policy (IAM forbids Principal in permission policies).
 */
final class RoleFileReader {

    static final String INCOMPLETE = "ROLE-INCOMPLETE";
    static final String TRUST_ONLY = "trust policy only: the deploy-role permission rules need the role's "
            + "permission policies";
    static final String PERMISSIONS_ONLY = "no trust policy";
    static final String GET_ROLE = "`aws iam get-role` output holds no permission policies: the deploy-role "
            + "permission rules were not run";

    private static final Pattern JSON_POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final boolean ecsRole;

    RoleFileReader(boolean ecsRole) {
        this.ecsRole = ecsRole;
    }

    /**
     * Reads a file's text; {@code shown} names a bare policy, which has no ARN.
     *
     * @throws PolicyParseException with the location, when the file is not JSON or not a document IAM accepts
     * @throws dev.ecsiamguard.core.roles.GaadParseException when saved account details are malformed
     */
    RoleFile read(String text, String shown) {
        String json = decode(text);
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new PolicyParseException("document", "expected a JSON object: a policy, or the output of `aws "
                    + "iam get-role` or `aws iam get-account-authorization-details`");
        }
        Map<String, JsonNode> fields = root.asObject();
        if (fields.containsKey("RoleDetailList")) {
            return accountDetails(GaadRoleLookup.parse(json));
        }
        if (GetRoleReader.matches(root)) {
            GetRoleReader.SavedRole role = GetRoleReader.read(root);
            RoleDocuments documents = new RoleDocuments(role.arn(), TrustedRole.accountOf(role.arn()),
                    Optional.of(role.trust()), Optional.empty(), Optional.empty(), role.tags(), ecsRole);
            return new RoleFile(RoleFile.Kind.GET_ROLE, List.of(new RoleFile.Entry(role.arn(),
                    Optional.of(documents), Optional.empty(), GET_ROLE)));
        }
        if (!fields.containsKey("Statement")) {
            throw new PolicyParseException("document", "not a role document: expected a policy with `Statement`, "
                    + "`aws iam get-role` output (`Role`) or `aws iam get-account-authorization-details` output "
                    + "(`RoleDetailList`)");
        }
        return isTrustPolicy(fields.get("Statement")) ? trustPolicy(json, shown) : permissionPolicy(json, shown);
    }

    /** Placeholders are read first (a template file is judged at their cautious reading), then the policy. */
    private RoleFile trustPolicy(String json, String shown) {
        Placeholders.Rendered rendered = Placeholders.render(json, PolicyKind.TRUST);
        NamedPolicy trust = new NamedPolicy("trust", PolicyDocument.parse(rendered.json(), PolicyKind.TRUST));
        RoleDocuments documents = new RoleDocuments(shown, Optional.empty(), Optional.of(trust), Optional.empty(),
                Optional.empty(), Map.of(), ecsRole);
        return new RoleFile(RoleFile.Kind.TRUST_POLICY, List.of(new RoleFile.Entry(shown, Optional.of(documents),
                Optional.empty(), TRUST_ONLY, rendered.unjudged())));
    }

    private RoleFile permissionPolicy(String json, String shown) {
        Placeholders.Rendered rendered = Placeholders.render(json, PolicyKind.IDENTITY);
        NamedPolicy policy = new NamedPolicy(shown, PolicyDocument.parse(rendered.json(), PolicyKind.IDENTITY));
        RoleDocuments documents = new RoleDocuments(shown, Optional.empty(), Optional.empty(),
                Optional.of(List.of(policy)), Optional.empty(), Map.of(), ecsRole);
        return new RoleFile(RoleFile.Kind.PERMISSION_POLICY, List.of(new RoleFile.Entry(shown,
                Optional.of(documents), Optional.empty(), PERMISSIONS_ONLY, rendered.unjudged())));
    }

    private RoleFile accountDetails(GaadRoleLookup lookup) {
        List<RoleFile.Entry> entries = new ArrayList<>();
        lookup.roles().forEach((arn, resolution) -> {
            if (resolution.status() == RoleResolution.Status.FOUND) {
                RoleSnapshot role = resolution.role();
                entries.add(new RoleFile.Entry(arn, Optional.of(new RoleDocuments(arn, TrustedRole.accountOf(arn),
                        Optional.of(role.trustPolicy()), Optional.of(role.permissionPolicies()), role.boundary(),
                        role.tags(), ecsRole)), Optional.empty(), ""));
            } else {
                entries.add(new RoleFile.Entry(arn, Optional.empty(),
                        Optional.of(new RuleError(INCOMPLETE, arn, resolution.reason())), ""));
            }
        });
        return new RoleFile(RoleFile.Kind.ACCOUNT_DETAILS, entries);
    }

    /** A statement that names a principal belongs to a trust (or resource) policy, never a permission policy. */
    private static boolean isTrustPolicy(JsonNode statement) {
        List<JsonNode> statements = statement.isArray() ? statement.asArray() : List.of(statement);
        return statements.stream().anyMatch(s -> s.isObject() && (s.asObject().containsKey("Principal")
                || s.asObject().containsKey("NotPrincipal")));
    }

    /** IAM hands policies back URL-encoded; a file saved from such output is decoded first. */
    private static String decode(String text) {
        String json = text.strip();
        if (json.isEmpty()) {
            throw new PolicyParseException("document", "empty file");
        }
        if (!json.regionMatches(true, 0, "%7B", 0, 3)) {
            return json;
        }
        try {
            return URLDecoder.decode(json, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PolicyParseException("document", "malformed URL encoding: " + e.getMessage());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (RuntimeException e) {
            // The parser's message quotes the whole input; keep its reason and the last position, where it stopped.
            String message = String.valueOf(e.getMessage());
            Matcher at = JSON_POSITION.matcher(message);
            String location = "document";
            while (at.find()) {
                location = "line " + at.group(1) + ", column " + at.group(2);
            }
            String reason = message.lines().findFirst().orElse("").replaceFirst("^.*JsonParseException: ", "")
                    .replaceFirst("\\s*\\(for \\w+ starting at.*$", "").replaceFirst("\\s*at \\[Source.*$", "");
            throw new PolicyParseException(location, "not valid JSON: " + reason);
        }
    }
}
