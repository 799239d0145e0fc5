package dev.ecsiamguard.local;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** `Fn::Select` over a literal list or an `Fn::Split`, for {@link SamTemplate}'s local resolution. */
final class Intrinsics {

    private Intrinsics() {
    }

    static String select(Object arg, Function<Object, String> resolve) {
        List<?> args = (List<?>) arg;
        int index = Integer.parseInt(resolve.apply(args.get(0)));
        Object list = args.get(1);
        List<String> items;
        if (list instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::Split")) {
            List<?> split = (List<?>) m.get("Fn::Split");
            items = Arrays.asList(resolve.apply(split.get(1)).split(java.util.regex.Pattern.quote(
                    resolve.apply(split.get(0))), -1));
        } else if (list instanceof List<?> l) {
            items = l.stream().map(resolve).toList();
        } else {
            throw new IllegalArgumentException("local runs cannot select from `" + list + "`");
        }
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("Fn::Select index " + index + " is outside a list of " + items.size());
        }
        return items.get(index);
    }
}
