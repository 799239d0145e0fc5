package dev.ecsiamguard.cli;

import dev.ecsiamguard.core.roles.RoleLookup;

/**
 * The role source a run actually used, with the words every output format shows about it, so "role checks
 * skipped" is never silent.
 *
 * @param source {@code skip}, {@code account} or {@code gaad:<file>}
 * @param checked whether roles could be looked up at all
 * @param note one sentence on where roles came from, or why they were not checked
 */
record OpenedRoles(RoleLookup lookup, String source, boolean checked, String note) {
}
