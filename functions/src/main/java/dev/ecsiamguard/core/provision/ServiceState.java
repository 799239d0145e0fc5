package dev.ecsiamguard.core.provision;

/** Everything one service owns, as it is now. */
public record ServiceState(RoleState executionRole, RoleState taskRole, LogGroupState logGroup,
                           ClusterState cluster) {
}
