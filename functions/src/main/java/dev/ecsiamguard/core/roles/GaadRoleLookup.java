package dev.ecsiamguard.core.roles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles from a saved {@code aws iam get-account-authorization-details} document, so pipelines without
 * credentials can still have role checks. A role whose documents the file does not fully hold (an attached
 * managed policy or boundary missing from {@code Policies}, a document IAM would not have stored) resolves to
 * UNKNOWN with the reason: checking with only part of its permissions would report false gaps.
 */
public final class GaadRoleLookup implements RoleLookup {

    private final Map<String, RoleResolution> byArn;
    private final Map<String, RoleResolution> byName;
    private final Set<String> accounts;

    GaadRoleLookup(Map<String, RoleResolution> byArn, Map<String, RoleResolution> byName) {
        this.byArn = Collections.unmodifiableMap(new LinkedHashMap<>(byArn));
        this.byName = Map.copyOf(byName);
        this.accounts = byArn.keySet().stream().map(GaadRoleLookup::account).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Reads the JSON text of a {@code get-account-authorization-details} output.
     *
     * @throws GaadParseException when the text is not JSON or has no {@code RoleDetailList}
     */
    public static GaadRoleLookup parse(String json) {
        return GaadReader.read(json);
    }

    @Override
    public RoleResolution find(String roleArnOrName) {
        String key = roleArnOrName == null ? "" : roleArnOrName.trim();
        if (key.isEmpty()) {
            return RoleResolution.missing("no role given");
        }
        if (!key.startsWith("arn:")) {
            RoleResolution named = byName.get(key);
            return named != null ? named
                    : RoleResolution.missing("no role named `" + key + "` in the saved account details");
        }
        RoleResolution found = byArn.get(key);
        if (found != null) {
            return found;
        }
        String account = account(key);
        if (!accounts.isEmpty() && !accounts.contains(account)) {
            return RoleResolution.unknown("role `" + key + "` is in account " + account
                    + ", not covered by the saved account details (" + String.join(", ", accounts.stream()
                    .sorted().toList()) + ")");
        }
        return RoleResolution.missing("no role `" + key + "` in the saved account details");
    }

    /** Every role of the file by ARN, in file order, so a whole account can be checked role by role. */
    public Map<String, RoleResolution> roles() {
        return byArn;
    }

    /** How many roles the file holds, found or not fully readable. */
    public int size() {
        return byArn.size();
    }

    /** The ARNs of roles that resolve to UNKNOWN because the file lacks some of their documents. */
    public List<String> incompleteRoles() {
        return byArn.entrySet().stream()
                .filter(e -> e.getValue().status() == RoleResolution.Status.UNKNOWN)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static String account(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }
}
