package dev.ecsiamguard.core.provision;

import java.util.List;
import java.util.Map;

/** One write that brings a resource closer to its desired state; adapters apply each kind with one call. */
public sealed interface Change {

    /** A short, human description, e.g. `create role ecs-api-execution-role`. */
    String summary();

    record CreateRole(DesiredRole role) implements Change {
        public String summary() {
            return "create role " + role.name();
        }
    }

    record UpdateTrustPolicy(String roleName, String document) implements Change {
        public String summary() {
            return "update trust policy of role " + roleName;
        }
    }

    record PutInlinePolicy(String roleName, String policyName, String document) implements Change {
        public String summary() {
            return "put inline policy " + policyName + " on role " + roleName;
        }
    }

    record AttachManagedPolicy(String roleName, String policyArn) implements Change {
        public String summary() {
            return "attach " + policyArn + " to role " + roleName;
        }
    }

    record PutPermissionsBoundary(String roleName, String boundaryArn) implements Change {
        public String summary() {
            return "set permissions boundary " + boundaryArn + " on role " + roleName;
        }
    }

    record TagRole(String roleName, Map<String, String> tags) implements Change {
        public String summary() {
            return "tag role " + roleName + " with " + new java.util.TreeMap<>(tags).keySet();
        }
    }

    /** Creates an IAM OIDC identity provider; never issued for one that exists (providers are never replaced). */
    record CreateOidcProvider(String url, List<String> clientIds, Map<String, String> tags) implements Change {
        public String summary() {
            return "create OIDC provider " + url;
        }
    }

    record CreateLogGroup(DesiredLogGroup logGroup) implements Change {
        public String summary() {
            return "create log group " + logGroup.name();
        }
    }

    record PutRetention(String logGroupName, int days) implements Change {
        public String summary() {
            return "set retention of log group " + logGroupName + " to " + days + " days";
        }
    }

    record CreateCluster(DesiredCluster cluster) implements Change {
        public String summary() {
            return "create cluster " + cluster.name();
        }
    }

    record PutCapacityProviders(String clusterName, List<String> providers,
                                List<DesiredCluster.StrategyItem> strategy) implements Change {
        public String summary() {
            return "set capacity providers " + providers + " on cluster " + clusterName;
        }
    }

    record EnableContainerInsights(String clusterName) implements Change {
        public String summary() {
            return "enable Container Insights on cluster " + clusterName;
        }
    }
}
