package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.Severity;
import java.util.List;

/** How far a `sub` pattern under a Like operator reaches; each step wider is worse. */
public enum SubjectScope {
    EXACT, ANY_REF_OF_REPOSITORY, ANY_REPOSITORY_OF_OWNER, ANY_REPOSITORY;

    /** Claims a workflow author controls; a customised `sub` starting with one can be minted from any repository. */
    static final List<String> USER_CONTROLLED = List.of("workflow", "environment", "ref", "context", "head_ref",
            "base_ref", "job_workflow_ref", "actor", "ref_type", "event_name");

    public static SubjectScope of(String pattern) {
        if (!hasWildcard(pattern)) {
            return EXACT;
        }
        if (!pattern.startsWith("repo:")) {
            return startsWithUserClaim(pattern) ? EXACT : ANY_REPOSITORY;
        }
        String rest = pattern.substring("repo:".length());
        int slash = rest.indexOf('/');
        int colon = rest.indexOf(':');
        int ownerEnd = slash < 0 ? (colon < 0 ? rest.length() : colon) : (colon < 0 ? slash : Math.min(slash, colon));
        if (hasWildcard(rest.substring(0, ownerEnd))) {
            return ANY_REPOSITORY;
        }
        if (ownerEnd == rest.length() || rest.charAt(ownerEnd) != '/') {
            return ANY_REPOSITORY_OF_OWNER;
        }
        String afterOwner = rest.substring(ownerEnd + 1);
        int repoEnd = afterOwner.indexOf(':');
        String repository = repoEnd < 0 ? afterOwner : afterOwner.substring(0, repoEnd);
        return hasWildcard(repository) || repoEnd < 0 ? ANY_REPOSITORY_OF_OWNER : ANY_REF_OF_REPOSITORY;
    }

    /** Any repository: critical; any repository of one owner: AWS's stated minimum; any branch: low, prod medium. */
    public Severity severity(boolean production) {
        return switch (this) {
            case ANY_REPOSITORY -> Severity.CRITICAL;
            case ANY_REPOSITORY_OF_OWNER -> Severity.MEDIUM;
            case ANY_REF_OF_REPOSITORY -> production ? Severity.MEDIUM : Severity.LOW;
            case EXACT -> Severity.INFORMATIONAL;
        };
    }

    public String describe() {
        return switch (this) {
            case ANY_REPOSITORY -> "any repository of any owner";
            case ANY_REPOSITORY_OF_OWNER -> "any repository of one owner";
            case ANY_REF_OF_REPOSITORY -> "several branches, tags, environments or pull requests of one repository";
            case EXACT -> "one subject";
        };
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    static boolean startsWithUserClaim(String value) {
        int colon = value.indexOf(':');
        return colon > 0 && USER_CONTROLLED.contains(value.substring(0, colon));
    }
}
