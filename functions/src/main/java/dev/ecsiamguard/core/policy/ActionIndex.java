package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy set's statements grouped by the service prefix of their actions ({@code ecr} for {@code ecr:Get*}), so a
 * request is checked only against the statements that can match its action, in their original order. A statement
 * belongs to every group when it uses NotAction or one of its patterns has no colon, a wildcard before it, or a
 * non-ASCII character there. Both sides are lower-cased already and IAM compares action names case-insensitively;
 * for ASCII prefixes that is plain equality, so an action whose service part is not ASCII is checked against all.
 */
final class ActionIndex {

    private final CompiledStatement[] all;
    private final CompiledStatement[] anyService;
    /** Open-addressed table: a service prefix and the statements to check for it. */
    private final String[] prefixes;
    private final CompiledStatement[][] groups;
    private final int mask;

    ActionIndex(CompiledStatement[] statements) {
        this.all = statements;
        List<CompiledStatement> unindexed = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (CompiledStatement statement : statements) {
            Set<String> own = statement.servicePrefixes();
            if (own == null) {
                unindexed.add(statement);
            } else {
                known.addAll(own);
            }
        }
        this.anyService = unindexed.toArray(CompiledStatement[]::new);
        int size = Integer.highestOneBit(Math.max(1, known.size()) * 2) * 2;
        this.prefixes = new String[size];
        this.groups = new CompiledStatement[size][];
        this.mask = size - 1;
        for (String prefix : known) {
            int slot = prefix.hashCode() & mask;
            while (prefixes[slot] != null) {
                slot = (slot + 1) & mask;
            }
            prefixes[slot] = prefix;
            groups[slot] = group(statements, prefix);
        }
    }

    private static CompiledStatement[] group(CompiledStatement[] statements, String prefix) {
        List<CompiledStatement> out = new ArrayList<>();
        for (CompiledStatement statement : statements) {
            Set<String> own = statement.servicePrefixes();
            if (own == null || own.contains(prefix)) {
                out.add(statement);
            }
        }
        return out.toArray(CompiledStatement[]::new);
    }

    /** The prefix before the first colon of a lower-cased action pattern, or null when it is not plain ASCII. */
    static String literalServicePrefix(String loweredPattern) {
        for (int i = 0; i < loweredPattern.length(); i++) {
            char c = loweredPattern.charAt(i);
            if (c == ':') {
                return loweredPattern.substring(0, i);
            }
            if (c == '*' || c == '?' || c >= 128) {
                return null;
            }
        }
        return null;
    }

    /** Every statement that could match the lower-cased action; the others certainly do not. */
    CompiledStatement[] candidates(String loweredAction) {
        int hash = 0;
        for (int i = 0; i < loweredAction.length(); i++) {
            char c = loweredAction.charAt(i);
            if (c == ':') {
                return group(loweredAction, i, hash);
            }
            if (c >= 128) {
                return all;
            }
            hash = 31 * hash + c;
        }
        // No colon: only a pattern without a literal service prefix can match.
        return anyService;
    }

    /** Same hash as {@link String#hashCode()} of the prefix, computed without cutting the action. */
    private CompiledStatement[] group(String action, int length, int hash) {
        for (int slot = hash & mask; prefixes[slot] != null; slot = (slot + 1) & mask) {
            String prefix = prefixes[slot];
            if (prefix.length() == length && action.regionMatches(0, prefix, 0, length)) {
                return groups[slot];
            }
        }
        return anyService;
    }
}
