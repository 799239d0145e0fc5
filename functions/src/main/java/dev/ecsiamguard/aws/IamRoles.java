package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.DesiredRole;
import dev.ecsiamguard.core.provision.RoleState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Reads roles into {@link RoleState} snapshots and applies role changes, one IAM call each. */
public final class IamRoles {

    private final IamClient iam;
    private final Backoff propagation;

    public IamRoles(IamClient iam, Backoff propagation) {
        this.iam = iam;
        this.propagation = propagation;
    }

    public RoleState read(String roleName) {
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(roleName)).role();
        } catch (NoSuchEntityException e) {
            return RoleState.absent(roleName);
        }
        Map<String, String> inline = new LinkedHashMap<>();
        for (String policyName : iam.listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()) {
            String doc = iam.getRolePolicy(r -> r.roleName(roleName).policyName(policyName)).policyDocument();
            inline.put(policyName, IamDocuments.decode(doc));
        }
        List<String> attached = new ArrayList<>();
        iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).forEach(attached::add);
        Map<String, String> tags = new TreeMap<>();
        role.tags().forEach(t -> tags.put(t.key(), t.value()));
        Optional<String> boundary = Optional.ofNullable(role.permissionsBoundary())
                .map(b -> b.permissionsBoundaryArn());
        return new RoleState(roleName, true, role.arn(), role.path(),
                IamDocuments.decode(role.assumeRolePolicyDocument()), inline, attached, boundary, tags);
    }

    /** Applies a role change; returns false for changes that are not about roles. */
    public boolean apply(Change change) {
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
        } else {
            return false;
        }
        return true;
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
