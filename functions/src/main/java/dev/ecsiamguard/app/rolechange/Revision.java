package dev.ecsiamguard.app.rolechange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A task definition revision as far as role usage goes: its roles, by ARN or name as written in it. */
public record Revision(String arn, String family, String status, String taskRole, String executionRole) {

    /** The names of the roles the revision uses, task role first. */
    public List<String> roleNames() {
        List<String> names = new ArrayList<>();
        for (String role : new String[] {taskRole, executionRole}) {
            if (role != null && !role.isBlank() && !names.contains(name(role))) {
                names.add(name(role));
            }
        }
        return names;
    }

    /** How the revision uses the role: "task", "execution", both, or neither (empty). */
    public List<String> uses(String roleName) {
        List<String> uses = new ArrayList<>();
        if (same(taskRole, roleName)) {
            uses.add("task");
        }
        if (same(executionRole, roleName)) {
            uses.add("execution");
        }
        return uses;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** A role's name from its ARN (after the path) or the name itself. */
    public static String name(String roleArnOrName) {
        String s = roleArnOrName.strip();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    // IAM role names are unique regardless of case.
    private static boolean same(String reference, String roleName) {
        return reference != null && !reference.isBlank()
                && name(reference).toLowerCase(Locale.ROOT).equals(roleName.toLowerCase(Locale.ROOT));
    }
}
