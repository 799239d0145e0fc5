package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.container;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentNamesNotSecretTest {

    private final EnvironmentNamesNotSecret rule = new EnvironmentNamesNotSecret();

    @ParameterizedTest
    @CsvSource({
            "JWT_TOKEN_EXPIRATION, 3600",
            "JWT_ACCESS_TOKEN_EXPIRATION, 15m",
            "TOKEN_TTL, 900",
            "JWT_TOKEN_EXPIRES_IN, 3600",
            "TOKEN_REFRESH_LIMIT, 5",
            "PASSWORD_MIN_LENGTH, 12",
            "SECRET_NAME, prod/db",
            "DB_SECRET_ARN, arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
            "OAUTH_TOKEN_URL, https://auth.example.com/token",
            "ALLOW_CREDENTIALS, true",
            "DB_PASSWORD, ''",
            "API_KEY, xxxxxxxx",
            "PWD, /app",
            "PASSPORT_STRATEGY, local",
            "LOG_LEVEL, debug"})
    void check_whenNameOnlyDescribesASecretOrValueIsHarmless_passes(String name, String value) {
        assertThat(check(rule, with(container("web").env(name, value)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "DB_PASSWORD, hunter2",
            "MONGO_INITDB_ROOT_PASSWORD, example",
            "ME_CONFIG_MONGODB_ADMINPASSWORD, example",
            "JWT_SECRET, my-jwt-secret",
            "TWILIO_AUTH_TOKEN, abc123",
            "SPORTS_API_KEY, k-123",
            "REDIS_PASS, s3cret",
            "REDIS_PASS, 123456",
            "DB_PASSWORD, 0000",
            "dbPassword, s3cret",
            "AWS_SECRET_ACCESS_KEY, abc",
            "AWS_ACCESS_KEY_ID, AKIAEXAMPLE",
            "ECS_ENGINE_AUTH_DATA, {}"})
    void check_whenSecretNamedVariableHasValue_reportsHigh(String name, String value) {
        assertThat(check(rule, with(container("web").env(name, value)))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void check_whenSeveralSecretNames_reportsOneFindingNamingThemButNoValue() {
        List<Finding> findings = check(rule, with(container("api")
                .env("DB_PASSWORD", "hunter2").env("JWT_SECRET", "s3cr3t-value").env("PORT", "8080")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Container api of task definition web-app:3 sets DB_PASSWORD, "
                    + "JWT_SECRET as plain environment variables.");
            assertThat(f.message() + f.fix()).doesNotContain("hunter2").doesNotContain("s3cr3t-value");
            assertThat(f.fix()).startsWith("Move DB_PASSWORD, JWT_SECRET of container api from \"environment\"");
        });
    }

    @Test
    void check_whenValueIsTemplated_reportsSinceThePipelineFillsTheSecretIn() {
        assertThat(check(rule, with(container("web").env("DB_PASSWORD", "${DB_PASSWORD}")))).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("sets DB_PASSWORD as plain environment variable, "
                        + "filled in at deploy time."));
    }

    @Test
    void check_whenAwsKeysInEnvironment_fixPointsToTaskRole() {
        assertThat(check(rule, with(container("web").env("AWS_SECRET_ACCESS_KEY", "abc").env("DB_PASSWORD", "pw"))))
                .singleElement().satisfies(f -> assertThat(f.fix()).isEqualTo("Remove AWS_SECRET_ACCESS_KEY from "
                        + "container web and grant the permissions to the task role (\"taskRoleArn\") instead. Move "
                        + "DB_PASSWORD of container web from \"environment\" to \"secrets\" with \"valueFrom\" set "
                        + "to a "
                        + "Secrets Manager secret or SSM parameter ARN."));
    }

    @Test
    void check_whenPatternsConfigured_usesThem() {
        TaskDefinitionContext ctx = TaskDefinitionContext.defaults().withSecretEnvNamePatterns(List.of("*PIN*"));

        assertThat(rule.check(with(container("web").env("CARD_PIN", "1234x").env("DB_PASSWORD", "x1")), ctx))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("CARD_PIN")
                        .doesNotContain("DB_PASSWORD"));
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-ENV-SECRET-KEYS")).containsSame(rule.metadata());
    }
}
