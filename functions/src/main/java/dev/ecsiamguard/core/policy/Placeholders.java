package dev.ecsiamguard.core.policy;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.json.PlainJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Unrendered template placeholders in a policy file ({@code ${name}} that is not an IAM policy variable,
 * {@code {{name}}}, {@code <ACCOUNT_ID>}, an upper-case word where an ARN holds its account) are unknown values.
 * Before parsing, each is replaced by its cautious reading so the rest of the policy is judged and no rule passes
 * that would fail for some concrete value: an Allow is widened (the value could be anything, read as {@code *}),
 * a Deny or a negated element is narrowed (read as matching nothing). Every replacement is reported.
 */
public final class Placeholders {

    /** Matches nothing a request can name: a narrowed Resource, Action or Principal. */
    static final String NO_RESOURCE = "arn:aws:ecs-iam-guard:::unrendered-placeholder";
    static final String NO_ACTION = "ecs-iam-guard:UnrenderedPlaceholder";
    static final String NO_PRINCIPAL = "arn:aws:iam::000000000000:role/ecs-iam-guard-unrendered-placeholder";
    /** The role's own account stands in for an unknown one in an identity-provider ARN (IAM requires it there). */
    static final String STAND_IN_ACCOUNT = "000000000000";

    private static final Pattern TOKEN = Pattern.compile("\\$\\{([^}]*)}|\\{\\{[^}]*}}|<[A-Za-z][A-Za-z0-9_-]*>");
    private static final Pattern BARE_WORD = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern ISSUER_KEY = Pattern.compile("([a-z0-9.-]+\\.[a-z]+(?:/[A-Za-z0-9_-]+)?):[a-z_]+");

    /**
     * One part of the policy that could not be judged as written.
     *
     * @param statement the statement's 1-based number, 0 for the document itself (its Version)
     * @param field the element, e.g. {@code Resource} or {@code Condition StringEquals aws:SourceAccount}
     * @param value the value as written
     * @param reading how it was judged instead, e.g. {@code read as `*` (any resource)}
     */
    public record Unjudged(int statement, String field, String value, String reading) {

        public String describe() {
            return (statement == 0 ? "document" : "statement " + statement) + " " + field + " `" + value + "` "
                    + reading;
        }
    }

    /** The policy text to parse (the original when nothing was replaced) and what was replaced. */
    public record Rendered(String json, List<Unjudged> unjudged) {

        public Rendered {
            unjudged = List.copyOf(unjudged);
        }
    }

    private final PolicyKind kind;
    private final List<Unjudged> unjudged = new ArrayList<>();

    private Placeholders(PolicyKind kind) {
        this.kind = kind;
    }

    /** True when the text holds a placeholder (IAM variables such as {@code ${aws:username}} are not ones). */
    public static boolean hasPlaceholder(String text) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) == null || !isIamVariable(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the placeholders of a policy document; text that is not a JSON object with statements is returned as
     * it is, for the parser to report.
     */
    public static Rendered render(String json, PolicyKind kind) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (RuntimeException notJson) {
            return new Rendered(json, List.of());
        }
        if (!root.isObject() || root.asObject().get("Statement") == null) {
            return new Rendered(json, List.of());
        }
        Placeholders reader = new Placeholders(kind);
        Map<String, Object> document = new LinkedHashMap<>();
        root.asObject().forEach((key, value) -> document.put(key, PlainJson.of(value)));
        if (document.get("Version") instanceof String version && hasPlaceholder(version)) {
            // The only versions IAM accepts; the current one has policy variables, which the rest may use.
            document.put("Version", "2012-10-17");
            reader.unjudged.add(new Unjudged(0, "Version", version, "read as `2012-10-17`"));
        }
        Object statements = document.get("Statement");
        if (statements instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                reader.statement(i + 1, list.get(i));
            }
        } else {
            reader.statement(1, statements);
        }
        return reader.unjudged.isEmpty() ? new Rendered(json, List.of())
                : new Rendered(Json.write(document), reader.unjudged);
    }

    @SuppressWarnings("unchecked")
    private void statement(int number, Object node) {
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> statement = (Map<String, Object>) node;
        if (statement.get("Effect") instanceof String effect && hasPlaceholder(effect)) {
            // An unknown effect may grant: read as Allow, so what it could allow is judged.
            statement.put("Effect", "Allow");
            unjudged.add(new Unjudged(number, "Effect", effect, "read as `Allow` (the statement may grant)"));
        }
        boolean allow = "Allow".equals(statement.get("Effect"));
        field(number, statement, "Action", allow, "any action", NO_ACTION);
        field(number, statement, "NotAction", !allow, "any action", NO_ACTION);
        if (kind != PolicyKind.TRUST) {
            field(number, statement, "Resource", allow, "any resource", NO_RESOURCE);
            field(number, statement, "NotResource", !allow, "any resource", NO_RESOURCE);
        }
        if (statement.get("Principal") instanceof String whole && hasPlaceholder(whole)) {
            statement.put("Principal", allow ? "*" : Map.of("AWS", NO_PRINCIPAL));
            unjudged.add(new Unjudged(number, "Principal", whole, allow ? "read as `*` (any principal)"
                    : "read as matching nobody (the cautious reading of a Deny)"));
        }
        if (statement.get("Principal") instanceof Map<?, ?> principal) {
            new PrincipalPlaceholders(number, allow, issuerOf(statement.get("Condition")), unjudged)
                    .read((Map<String, Object>) principal);
        }
        if (statement.get("Condition") instanceof Map<?, ?> condition) {
            new ConditionPlaceholders(number, allow, unjudged).read((Map<String, Object>) condition);
        }
    }

    /** Widens ({@code *} in place of each placeholder) or narrows (a value matching nothing) one element. */
    private void field(int number, Map<String, Object> statement, String name, boolean widen, String anything,
                       String nothing) {
        Object value = statement.get(name);
        List<Object> values = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        if (value instanceof String s) {
            values.add(s);
        }
        boolean changed = false;
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String text) || !hasUnknown(text, name)) {
                continue;
            }
            String replaced = widen ? widened(text, name) : nothing;
            String reading = widen ? "read as `" + replaced + "`" + (replaced.equals("*") ? " (" + anything + ")"
                    : "") : "read as matching nothing (the cautious reading of a " + (name.startsWith("Not")
                    ? "negated element" : "Deny") + ")";
            unjudged.add(new Unjudged(number, name, text, reading));
            values.set(i, replaced);
            changed = true;
        }
        if (changed) {
            statement.put(name, value instanceof String ? values.get(0) : values);
        }
    }

    private static boolean hasUnknown(String text, String field) {
        return hasPlaceholder(text) || (field.contains("Resource") && bareWordInArn(text));
    }

    /** Each placeholder (and an upper-case word in the region or account of an ARN) becomes {@code *}. */
    static String widened(String text, String field) {
        String out = replaceTokens(text, "*");
        if (field.contains("Resource") && out.startsWith("arn:")) {
            String[] parts = out.split(":", 6);
            for (int i = 3; i < Math.min(parts.length, 5); i++) {
                parts[i] = BARE_WORD.matcher(parts[i]).matches() ? "*" : parts[i];
            }
            out = String.join(":", parts);
        }
        if (field.contains("Action")) {
            return out.chars().filter(c -> c == ':').count() == 1 && !out.startsWith(":") && !out.endsWith(":")
                    ? out : "*";
        }
        return out.equals("*") || (out.startsWith("arn:") && out.split(":", 4).length >= 3) ? out : "*";
    }

    static boolean bareWordInArn(String text) {
        String[] parts = text.split(":", 6);
        if (!text.startsWith("arn:") || parts.length < 5) {
            return false;
        }
        return BARE_WORD.matcher(parts[3]).matches() || BARE_WORD.matcher(parts[4]).matches();
    }

    static String replaceTokens(String text, String with) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean variable = m.group(1) != null && isIamVariable(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(variable ? m.group() : with));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** IAM's variables: {@code ${*}}, {@code ${?}}, {@code ${$}} and keys with a service prefix. */
    private static boolean isIamVariable(String inside) {
        String key = inside.contains(",") ? inside.substring(0, inside.indexOf(',')).strip() : inside.strip();
        return key.equals("*") || key.equals("?") || key.equals("$")
                || key.matches("[A-Za-z0-9.-]+(/[A-Za-z0-9_-]+)?:[A-Za-z0-9_/-]+");
    }

    /** The OIDC issuer the statement's condition keys name (e.g. GitHub's), when one does. */
    private static String issuerOf(Object condition) {
        if (condition instanceof Map<?, ?> operators) {
            for (Object keys : operators.values()) {
                if (keys instanceof Map<?, ?> byKey) {
                    for (Object key : byKey.keySet()) {
                        Matcher m = ISSUER_KEY.matcher(String.valueOf(key));
                        if (m.matches() && !m.group(1).endsWith("amazonaws.com")) {
                            return m.group(1);
                        }
                    }
                }
            }
        }
        return "";
    }
}
