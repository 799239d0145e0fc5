package dev.ecsiamguard.core.provision;

/** Everything one service needs, as this application wants it. */
public record DesiredService(ServiceIdentity identity, DesiredRole executionRole, DesiredRole taskRole,
                             DesiredLogGroup logGroup, DesiredCluster cluster) {
}
