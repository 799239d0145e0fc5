package dev.ecsiamguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiRouteTest {

    @Test
    void match_whenResourceAndMethodDeclared_returnsTheRoute() {
        assertThat(ApiRoute.match("POST", "/services/{service}/roles")).isEqualTo(ApiRoute.PROVISION_SERVICE_ROLES);
        assertThat(ApiRoute.match("GET", "/services/{service}")).isEqualTo(ApiRoute.DESCRIBE_SERVICE);
        assertThat(ApiRoute.match("post", "/validations")).isEqualTo(ApiRoute.VALIDATE_TASK_DEFINITION);
        assertThat(ApiRoute.match("POST", "/github/deploy-roles")).isEqualTo(ApiRoute.PROVISION_DEPLOY_ROLE);
    }

    @Test
    void match_whenMethodDiffers_answers404() {
        assertThatThrownBy(() -> ApiRoute.match("DELETE", "/services/{service}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("route_not_found");
                });
    }

    @Test
    void match_whenResourceIsAConcretePath_answers404() {
        assertThatThrownBy(() -> ApiRoute.match("GET", "/services/payments-api"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
