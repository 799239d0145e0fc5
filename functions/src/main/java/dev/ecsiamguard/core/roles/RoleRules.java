package dev.ecsiamguard.core.roles;

import java.util.List;

/** The explicit catalogue of role cross-checks: what runs is what is listed here, no scanning. */
public final class RoleRules {

    public static final List<RoleRule> ALL = List.of(
            new ReferencedRolesExist(),
            new ExecutionRoleCanPullImages(),
            new CrossAccountImagesAllowed(),
            new ExecutionRoleCanWriteLogs(),
            new ExecutionRoleCanReadSecrets(),
            new ExecutionRoleCanReadParameters(),
            new ExecutionRoleCanReadRegistryCredentials(),
            new ExecutionRoleCanReadEnvironmentFiles(),
            new ExecutionRoleCanReadFirelensConfig(),
            new ExecutionRoleNotOverbroad(),
            new TaskRoleNotAdmin(),
            new TaskRoleNoServiceWildcards(),
            new TaskRoleNoPrivilegeEscalation(),
            new TaskRolePassRoleScoped(),
            new TaskRoleSecretsScoped(),
            new TaskRoleExecMatchesIntent(),
            new TaskRoleCanMountEfs());

    private RoleRules() {
    }
}
