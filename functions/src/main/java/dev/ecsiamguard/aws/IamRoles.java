package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.DesiredRole;
import dev.ecsiamguard.core.provision.RoleState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Reads roles into {@link RoleState} snapshots ({@link RoleReads}) and applies role changes, one IAM call each; a
 * write makes the role's next read fresh.
 */
public final class IamRoles {

    private final IamClient iam;
    private final Backoff propagation;
    private final RoleReads reads;

    /** Every role read fresh. */
    public IamRoles(IamClient iam, Backoff propagation) {
        this(iam, propagation, RoleReads.fresh(iam));
    }

    public IamRoles(IamClient iam, Backoff propagation, RoleReads reads) {
        this.iam = iam;
        this.propagation = propagation;
        this.reads = reads;
    }

    /** The same writer reading through another invocation's reads. */
    public IamRoles with(RoleReads invocationReads) {
        return new IamRoles(iam, propagation, invocationReads);
    }

    /** The role as IAM has it now, or its absence (through this invocation's reads, cached or fresh). */
    public RoleState read(String roleName) {
        return reads.read(roleName);
    }

    /** Applies a role change; returns false for changes that are not about roles. */
    public boolean apply(Change change) {
        String role = roleName(change);
        if (role == null) {
            return false;
        }
        try {
            write(change);
        } finally {
            // Our own write, done or not: the next read of the role must be fresh.
            reads.forget(role);
        }
        return true;
    }

    private static String roleName(Change change) {
        if (change instanceof Change.CreateRole c) {
            return c.role().name();
        } else if (change instanceof Change.UpdateTrustPolicy c) {
            return c.roleName();
        } else if (change instanceof Change.PutInlinePolicy c) {
            return c.roleName();
        } else if (change instanceof Change.AttachManagedPolicy c) {
            return c.roleName();
        } else if (change instanceof Change.PutPermissionsBoundary c) {
            return c.roleName();
        } else if (change instanceof Change.TagRole c) {
            return c.roleName();
        }
        return null;
    }

    private void write(Change change) {
        if (change instanceof Change.CreateRole c) {
            create(c.role());
        } else if (change instanceof Change.UpdateTrustPolicy c) {
            afterPropagation(() -> iam.updateAssumeRolePolicy(r -> r.roleName(c.roleName())
                    .policyDocument(c.document())));
        } else if (change instanceof Change.PutInlinePolicy c) {
            afterPropagation(() -> iam.putRolePolicy(r -> r.roleName(c.roleName()).policyName(c.policyName())
                    .policyDocument(c.document())));
        } else if (change instanceof Change.AttachManagedPolicy c) {
            afterPropagation(() -> iam.attachRolePolicy(r -> r.roleName(c.roleName()).policyArn(c.policyArn())));
        } else if (change instanceof Change.PutPermissionsBoundary c) {
            afterPropagation(() -> iam.putRolePermissionsBoundary(r -> r.roleName(c.roleName())
                    .permissionsBoundary(c.boundaryArn())));
        } else if (change instanceof Change.TagRole c) {
            afterPropagation(() -> iam.tagRole(r -> r.roleName(c.roleName()).tags(tags(c.tags()))));
        }
    }

    private void create(DesiredRole role) {
        iam.createRole(r -> {
            r.roleName(role.name()).path(role.path()).description(role.description())
                    .assumeRolePolicyDocument(role.trustPolicy()).tags(tags(role.tags()));
            role.boundaryArn().ifPresent(r::permissionsBoundary);
        });
    }

    // A role created a moment ago (by us or a concurrent run) can still answer NoSuchEntity: wait, bounded.
    private void afterPropagation(Runnable call) {
        propagation.run(call, e -> e instanceof NoSuchEntityException);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
