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

class EnvironmentValuesNotCredentialsTest {

    private final EnvironmentValuesNotCredentials rule = new EnvironmentValuesNotCredentials();

    // Assembled at run time so that no credential-shaped literal sits in the source.
    private static final String AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
    private static final String GITHUB_TOKEN = "ghp_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    private static final String SLACK_TOKEN = "xoxb-" + "1234567890-abcdefghijkl";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0In0" + ".c2lnbmF0dXJl";
    private static final String PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow";
    private static final String DB_URL = "postgres://app:" + "Sup3rS3cret" + "@db.internal:5432/app";
    private static final String RANDOM_SECRET = "q8Z" + "f3LkP9xVw2RtYb7NcMd4Hs6Je";

    @ParameterizedTest
    @CsvSource({
            "PORT, 8080",
            "DATABASE_URL, postgres://db.internal:5432/app",
            "DATABASE_URL, postgres://app:${DB_PASSWORD}@db.internal:5432/app",
            "JWT_SECRET, short",
            "BUILD_SHA, 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
            "JWT_SECRET_ARN, arn:aws:secretsmanager:eu-west-1:123456789012:secret:jwt-AbCdEf",
            "GREETING, hello world from a long sentence"})
    void check_whenValueIsNotACredential_passes(String name, String value) {
        assertThat(check(rule, with(container("web").env(name, value)))).isEmpty();
    }

    @Test
    void check_whenValuesHaveCredentialShapes_reportsCriticalPerVariable() {
        List<Finding> findings = check(rule, with(container("web")
                .env("KEY_ID", AWS_KEY_ID).env("GH", GITHUB_TOKEN).env("SLACK", SLACK_TOKEN).env("SESSION", JWT)
                .env("CERT", PEM).env("DATABASE_URL", DB_URL)));

        assertThat(findings).extracting(Finding::severity).containsOnly(Severity.CRITICAL);
        assertThat(findings).extracting(Finding::message).containsExactly(
                "Container web of task definition web-app:3 has environment variable KEY_ID whose value looks like "
                        + "an AWS access key id.",
                "Container web of task definition web-app:3 has environment variable GH whose value looks like "
                        + "a GitHub token.",
                "Container web of task definition web-app:3 has environment variable SLACK whose value looks like "
                        + "a Slack token.",
                "Container web of task definition web-app:3 has environment variable SESSION whose value looks like "
                        + "a JSON Web Token.",
                "Container web of task definition web-app:3 has environment variable CERT whose value looks like "
                        + "a private key.",
                "Container web of task definition web-app:3 has environment variable DATABASE_URL whose value looks "
                        + "like a URL with an embedded password.");
    }

    @Test
    void check_whenSecretNameHoldsRandomString_reportsHigh() {
        assertThat(check(rule, with(container("web").env("JWT_SECRET", RANDOM_SECRET)))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void check_whenReporting_neverEchoesTheValue() {
        List<Finding> findings = check(rule, with(container("web")
                .env("KEY_ID", AWS_KEY_ID).env("DATABASE_URL", DB_URL).env("JWT_SECRET", RANDOM_SECRET)
                .env("CERT", PEM).env("GH", GITHUB_TOKEN)));

        assertThat(findings).hasSize(5).allSatisfy(f -> {
            String text = f.message() + " " + f.fix() + " " + f.rule();
            for (String secret : List.of(AWS_KEY_ID, "Sup3rS3cret", RANDOM_SECRET, "MIIEow", GITHUB_TOKEN)) {
                assertThat(text).doesNotContain(secret);
            }
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-ENV-SECRET-VALUES")).containsSame(rule.metadata());
    }
}
