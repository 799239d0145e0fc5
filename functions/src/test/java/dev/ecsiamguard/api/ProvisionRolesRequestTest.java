package dev.ecsiamguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.capability.TaskRoleCapabilities;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ProvisionRolesRequestTest {

    private static final ProvisioningConfig CONFIG = ProvisioningConfig.fromEnvironment(Map.of());

    @Test
    void parse_whenBodyIsEmpty_leavesEverythingToTheRepository() {
        ProvisionRolesRequest request = ProvisionRolesRequest.parse("orders", "", CONFIG);

        assertThat(request.service()).isEqualTo("orders");
        assertThat(request.repository()).isEmpty();
        assertThat(request.capabilities()).isEmpty();
        assertThat(request.secretsManagerPrefix()).isEmpty();
    }

    @Test
    void parse_whenBodyNamesEverything_returnsTheRecord() {
        ProvisionRolesRequest request = ProvisionRolesRequest.parse("payments-api", "{\"repository\":\"payments/api\","
                + "\"capabilities\":[\"exec\",\"X-Ray\"],\"secretsManagerPrefix\":\"dev/{service}/\","
                + "\"ssmParameterPrefix\":\"/dev/payments-api/\"}", CONFIG);

        assertThat(request.repository()).contains("payments/api");
        assertThat(request.capabilities().map(TaskRoleCapabilities::texts)).contains(List.of("exec", "X-Ray"));
        assertThat(request.secretsManagerPrefix()).contains("dev/{service}/");
        assertThat(request.ssmParameterPrefix()).isEqualTo(Optional.of("/dev/payments-api/"));
    }

    @Test
    void parse_whenCapabilitiesIsEmptyList_meansNone() {
        assertThat(ProvisionRolesRequest.parse("orders", "{\"capabilities\":[]}", CONFIG).capabilities())
                .contains(List.of());
    }

    @Test
    void parse_whenCapabilityUnknown_namesTheElement() {
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"capabilities\":[\"exec\",\"admin\"]}", CONFIG),
                "capabilities[1]", "unknown task role capability `admin`");
    }

    @Test
    void parse_whenServiceNameInvalid_namesTheParameter() {
        assertInvalid(() -> ProvisionRolesRequest.parse("Payments_API!", "", CONFIG), "service", "lowercase");
    }

    @Test
    void parse_whenServiceMakesTooLongARoleName_namesTheParameter() {
        assertInvalid(() -> ProvisionRolesRequest.parse("a".repeat(60), "", CONFIG), "service", "at most 64");
    }

    @Test
    void parse_whenRepositoryBelongsToAnotherService_rejects() {
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"repository\":\"payments/api\"}", CONFIG),
                "repository", "belongs to service `payments-api`");
    }

    @Test
    void parse_whenFieldUnknown_namesIt() {
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"capability\":[\"exec\"]}", CONFIG),
                "capability", "unknown field");
    }

    @Test
    void parse_whenPrefixHasWildcardOrOmitsTheService_rejects() {
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"secretsManagerPrefix\":\"*\"}", CONFIG),
                "secretsManagerPrefix", "no wildcards");
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"ssmParameterPrefix\":\"/prod/\"}", CONFIG),
                "ssmParameterPrefix", "must contain `{service}` or `orders`");
    }

    @Test
    void parse_whenBodyIsNotJsonOrNotAnObject_answersMalformedBody() {
        for (String body : new String[] {"{\"capabilities\": [\"exec\"", "[\"exec\"]", "42"}) {
            assertThatThrownBy(() -> ProvisionRolesRequest.parse("orders", body, CONFIG))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("malformed_body");
                    });
        }
    }

    @Test
    void parse_whenFieldHasWrongType_namesIt() {
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"capabilities\":\"exec\"}", CONFIG),
                "capabilities", "array of strings");
        assertInvalid(() -> ProvisionRolesRequest.parse("orders", "{\"repository\":7}", CONFIG),
                "repository", "must be a string");
    }

    static void assertInvalid(ThrowingCallable call, String field, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(field).contains(messagePart);
        });
    }
}
