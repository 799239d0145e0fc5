package dev.ecsiamguard.local;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** `Fn::Select` and `Fn::Join` over a literal list or an `Fn::Split`, for {@link SamTemplate}'s local resolution. */
final class Intrinsics {

    private Intrinsics() {
    }

    /** A literal list or an `Fn::Split`, resolved (what `Fn::Select` and `Fn::Join` take). */
    static List<String> list(Object list, Function<Object, String> resolve) {
        if (list instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::Split")) {
            List<?> split = (List<?>) m.get("Fn::Split");
            return Arrays.asList(resolve.apply(split.get(1)).split(java.util.regex.Pattern.quote(
                    resolve.apply(split.get(0))), -1));
        }
        if (list instanceof List<?> l) {
            return l.stream().map(resolve).toList();
        }
        throw new IllegalArgumentException("local runs cannot take a list from `" + list + "`");
    }

    static String select(Object arg, Function<Object, String> resolve) {
        List<?> args = (List<?>) arg;
        int index = Integer.parseInt(resolve.apply(args.get(0)));
        List<String> items = list(args.get(1), resolve);
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("Fn::Select index " + index + " is outside a list of " + items.size());
        }
        return items.get(index);
    }
}
