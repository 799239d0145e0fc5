package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Condition values with placeholders. In an Allow, a pattern operator's placeholder could match anything and is
 * read as {@code *} (the widest grant); any other value stays as written and is reported as not judged, since no
 * single value is the cautious one for it (the engine treats the unknown text as an unresolvable variable).
 */
final class ConditionPlaceholders {

    private final int statement;
    private final boolean allow;
    private final List<Placeholders.Unjudged> unjudged;

    ConditionPlaceholders(int statement, boolean allow, List<Placeholders.Unjudged> unjudged) {
        this.statement = statement;
        this.allow = allow;
        this.unjudged = unjudged;
    }

    @SuppressWarnings("unchecked")
    void read(Map<String, Object> condition) {
        for (Map.Entry<String, Object> operator : condition.entrySet()) {
            if (!(operator.getValue() instanceof Map<?, ?> keys)) {
                continue;
            }
            boolean pattern = isPattern(operator.getKey());
            for (Map.Entry<String, Object> key : ((Map<String, Object>) keys).entrySet()) {
                Object value = key.getValue();
                List<Object> values = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
                if (value instanceof String s) {
                    values.add(s);
                }
                boolean changed = false;
                for (int i = 0; i < values.size(); i++) {
                    if (!(values.get(i) instanceof String text) || !Placeholders.hasPlaceholder(text)) {
                        continue;
                    }
                    String field = "Condition " + operator.getKey() + " " + key.getKey();
                    if (allow && pattern) {
                        String widened = Placeholders.replaceTokens(text, "*");
                        values.set(i, widened);
                        changed = true;
                        unjudged.add(new Placeholders.Unjudged(statement, field, text, "read as `" + widened
                                + "` (the placeholder could match anything)"));
                    } else {
                        unjudged.add(new Placeholders.Unjudged(statement, field, text, "not judged: its value is "
                                + "unknown, so whether the condition holds is not known"));
                    }
                }
                if (changed) {
                    key.setValue(value instanceof String ? values.get(0) : values);
                }
            }
        }
    }

    /** StringLike and ArnLike (with a set qualifier or IfExists): a {@code *} there matches any text. */
    private static boolean isPattern(String operator) {
        String base = operator.replaceFirst("^For(Any|All)Values:", "").replaceFirst("IfExists$", "");
        return base.equals("StringLike") || base.equals("ArnLike");
    }
}
