package dev.ecsiamguard.core.roles;

import java.util.List;

/**
 * Actions a role must be allowed on one resource, and why the revision needs them.
 *
 * @param resource the concrete resource the request names (evaluated)
 * @param fixResource the resource the suggested statement should name (often a pattern around {@code resource})
 * @param why what in the task definition needs it, e.g. {@code secret DB_PASSWORD of container app}
 */
record Need(List<String> actions, String resource, String fixResource, String why) {

    Need {
        actions = List.copyOf(actions);
    }

    static Need of(String why, String resource, String... actions) {
        return new Need(List.of(actions), resource, resource, why);
    }

    Need fixedOn(String pattern) {
        return new Need(actions, resource, pattern, why);
    }
}
