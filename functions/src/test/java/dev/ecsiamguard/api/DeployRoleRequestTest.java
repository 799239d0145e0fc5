package dev.ecsiamguard.api;

import static dev.ecsiamguard.api.ProvisionRolesRequestTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployRoleRequestTest {

    private static final ProvisioningConfig CONFIG = ProvisioningConfig.fromEnvironment(Map.of());

    @Test
    void parse_whenComplete_returnsTheRecordWithIds() {
        DeployRoleRequest request = DeployRoleRequest.parse("{\"repository\":\"octo-org/payments-api\","
                + "\"ownerId\":123456,\"repositoryId\":\"789012\",\"branches\":[\"main\",\"release/v2\"],"
                + "\"environments\":[\"production\"],\"service\":\"payments-api\"}", CONFIG);

        assertThat(request.owner()).isEqualTo("octo-org");
        assertThat(request.repository()).isEqualTo("payments-api");
        assertThat(request.ownerId()).contains(123456L);
        assertThat(request.repositoryId()).contains(789012L);
        assertThat(request.branches()).isEqualTo(List.of("main", "release/v2"));
        assertThat(request.environments()).containsExactly("production");
        assertThat(request.service()).isEqualTo("payments-api");
    }

    @Test
    void parse_whenRepositoryBreaksGitHubNamingRules_rejects() {
        for (String repository : new String[] {"octo-org", "-octo/app", "octo-/app", "oc--to/app",
                "a".repeat(40) + "/x", "octo/..", "octo/a b", "octo/app/extra"}) {
            assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"" + repository
                    + "\",\"branches\":[\"main\"],\"service\":\"api\"}", CONFIG), "repository", "owner/name");
        }
    }

    @Test
    void parse_whenBranchIsAWildcardOrAFullRef_namesTheElement() {
        assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"octo/app\",\"branches\":[\"main\",\"*\"],"
                + "\"service\":\"api\"}", CONFIG), "branches[1]", "no wildcards");
        assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"octo/app\",\"branches\":[\"refs/heads/main\"],"
                + "\"service\":\"api\"}", CONFIG), "branches[0]", "not `refs/heads/main`");
    }

    @Test
    void parse_whenNeitherBranchNorEnvironment_rejects() {
        assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"octo/app\",\"service\":\"api\"}", CONFIG),
                "branches", "at least one branch or environment");
    }

    @Test
    void parse_whenEnvironmentHasWildcard_rejects() {
        assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"octo/app\",\"environments\":[\"prod*\"],"
                + "\"service\":\"api\"}", CONFIG), "environments[0]", "no wildcards");
    }

    @Test
    void parse_whenIdOrServiceInvalid_namesTheField() {
        assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"octo/app\",\"branches\":[\"main\"],"
                + "\"ownerId\":-1,\"service\":\"api\"}", CONFIG), "ownerId", "positive whole number");
        assertInvalid(() -> DeployRoleRequest.parse("{\"repository\":\"octo/app\",\"branches\":[\"main\"]}", CONFIG),
                "service", "is required");
    }
}
