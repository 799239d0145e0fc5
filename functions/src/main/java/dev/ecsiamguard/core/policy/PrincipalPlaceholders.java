package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The principals of one trust statement with placeholders: in an Allow an unknown AWS principal could be anyone
 * (read as {@code *}); an unknown service is read as ECS tasks, whose trust rules (confused deputy) are the ones a
 * service principal can fail here, not as anyone, which no service is; an identity provider keeps what is known
 * of it (an unknown account is the role's own, where IAM requires the provider; an unknown provider is the one
 * the conditions' keys name, else GitHub's, so the OIDC rules judge the conditions). In a Deny an unknown
 * principal matches nobody.
 */
final class PrincipalPlaceholders {

    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    private final int statement;
    private final boolean allow;
    private final String issuer;
    private final List<Placeholders.Unjudged> unjudged;

    PrincipalPlaceholders(int statement, boolean allow, String issuer, List<Placeholders.Unjudged> unjudged) {
        this.statement = statement;
        this.allow = allow;
        this.issuer = issuer.isEmpty() ? "token.actions.githubusercontent.com" : issuer;
        this.unjudged = unjudged;
    }

    void read(Map<String, Object> principal) {
        List<Object> anyone = new ArrayList<>();
        for (String type : List.copyOf(principal.keySet())) {
            Object value = principal.get(type);
            List<Object> values = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
            if (value instanceof String s) {
                values.add(s);
            }
            boolean changed = false;
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) instanceof String text) || !unknown(text)) {
                    continue;
                }
                String replaced = replacement(type, text);
                if (allow && type.equals("AWS")) {
                    anyone.add(replaced);
                    values.remove(i--);
                } else {
                    values.set(i, replaced);
                }
                unjudged.add(new Placeholders.Unjudged(statement, "Principal " + type, text, reading(type,
                        replaced, knownProvider(text))));
                changed = true;
            }
            if (changed) {
                if (values.isEmpty()) {
                    principal.remove(type);
                } else {
                    principal.put(type, values.size() == 1 ? values.get(0) : values);
                }
            }
        }
        if (!anyone.isEmpty()) {
            principal.merge("AWS", "*", (old, star) -> old instanceof List<?> l ? append(l, star) : List.of(old, star));
        }
    }

    private static boolean unknown(String text) {
        return Placeholders.hasPlaceholder(text) || Placeholders.bareWordInArn(text);
    }

    private String replacement(String type, String text) {
        if (!allow) {
            return switch (type) {
                case "Federated" -> "arn:aws:iam::" + Placeholders.STAND_IN_ACCOUNT
                        + ":oidc-provider/unrendered-placeholder.ecs-iam-guard.invalid";
                case "Service" -> "unrendered-placeholder.ecs-iam-guard.invalid";
                default -> Placeholders.NO_PRINCIPAL;
            };
        }
        if (type.equals("Service")) {
            return ECS_TASKS;
        }
        if (!type.equals("Federated")) {
            return "*";
        }
        if (knownProvider(text)) {
            String[] parts = text.split(":", 6);
            parts[4] = Placeholders.STAND_IN_ACCOUNT;
            return String.join(":", parts);
        }
        return "arn:aws:iam::" + Placeholders.STAND_IN_ACCOUNT + ":oidc-provider/" + issuer;
    }

    /** A provider ARN whose only unknown is its account. */
    private static boolean knownProvider(String text) {
        String[] parts = text.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam")
                && !Placeholders.hasPlaceholder(parts[5]) && !Placeholders.hasPlaceholder(parts[1]);
    }

    private String reading(String type, String replaced, boolean knownProvider) {
        if (!allow) {
            return "read as matching nobody (the cautious reading of a Deny)";
        }
        if (type.equals("Service")) {
            return "read as `" + ECS_TASKS + "` (the service whose trust this tool judges most strictly)";
        }
        if (!type.equals("Federated")) {
            return "read as `*` (any principal)";
        }
        return "read as `" + replaced + "` (" + (knownProvider ? "an unknown account: the role's own, where IAM "
                + "requires the provider" : "an unknown provider: the issuer the conditions' keys name, else "
                + "GitHub's, so the OIDC rules judge the conditions") + ")";
    }

    private static List<Object> append(List<?> list, Object value) {
        List<Object> out = new ArrayList<>(list);
        if (!out.contains(value)) {
            out.add(value);
        }
        return out;
    }
}
