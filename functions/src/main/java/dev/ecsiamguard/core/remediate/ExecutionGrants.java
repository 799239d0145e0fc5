package dev.ecsiamguard.core.remediate;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Remediation grants as the execution role's own inline policy, and back: one statement per grant. */
public final class ExecutionGrants {

    /** The inline policy on the execution role that holds what remediation granted. */
    public static final String POLICY_NAME = "ecs-iam-guard-remediation";

    private ExecutionGrants() {
    }

    public static String document(List<ExecutionGrant> grants) {
        List<Object> statements = new ArrayList<>();
        for (ExecutionGrant g : grants) {
            statements.add(object("Effect", "Allow", "Action", g.actions().size() == 1 ? g.actions().get(0)
                    : g.actions(), "Resource", g.resource()));
        }
        return Json.write(object("Version", "2012-10-17", "Statement", statements));
    }

    /** The grants a policy written by {@link #document} holds. */
    public static List<ExecutionGrant> parse(String document) {
        List<ExecutionGrant> grants = new ArrayList<>();
        for (Statement s : PolicyDocument.parseIdentity(document).statements()) {
            for (String resource : s.resources()) {
                grants.add(new ExecutionGrant(s.actions(), resource));
            }
        }
        return grants;
    }

    /** The recorded grants followed by the new ones not already among them, without duplicates. */
    public static List<ExecutionGrant> merge(List<ExecutionGrant> recorded, List<ExecutionGrant> added) {
        Set<ExecutionGrant> all = new LinkedHashSet<>(recorded);
        all.addAll(added);
        return List.copyOf(all);
    }
}
