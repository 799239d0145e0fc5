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
import org.junit.jupiter.params.provider.ValueSource;

class SecretReferencesWellFormedTest {

    private final SecretReferencesWellFormed rule = new SecretReferencesWellFormed();

    private static final String SM = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:";

    @ParameterizedTest
    @ValueSource(strings = {
            SM + "db-AbCdEf",
            SM + "db-AbCdEf:username::",
            SM + "db-AbCdEf::AWSPREVIOUS:",
            SM + "db-AbCdEf:::0a1b2c3d-1111-2222-3333-444455556666",
            SM + "db-AbCdEf::",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/pass",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/db-pass",
            "db-pass",
            "/prod/db/pass",
            "arn:aws:secretsmanager:${AWS_REGION}:${ACCOUNT}:secret:db"})
    void check_whenWellFormed_passes(String valueFrom) {
        assertThat(check(rule, with(container("web").secret("DB", valueFrom)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                                            | is empty",
            "arn:aws:s3:::bucket/key                                       | names service s3",
            "arn:aws:secretsmanager:eu-west-1                              | is not a complete ARN",
            "arn:aws:kms:eu-west-1:123456789012:key/1                      | names service kms",
            SM + "db-AbCdEf:username                                       | without the colons",
            SM + "db-AbCdEf:username:AWSCURRENT                            | without the colons",
            SM + "db-AbCdEf::AWSCURRENT:0a1b2c3d                           | both a version stage and a version id",
            "arn:aws:secretsmanager:eu-west-1:123456789012:db-AbCdEf      | is not a Secrets Manager secret ARN",
            "arn:aws:ssm:eu-west-1:123456789012:db-pass                   | is not an SSM parameter ARN",
            "arn:aws:ssm:eu-west-1:123456789012:parameter//prod/db        | double slash",
            "arn:aws:ssm::123456789012:parameter/db                       | has no region or account",
            "prod/db/pass                                                  | does not start with /",
            "db pass                                                       | is not a valid SSM parameter name"})
    void check_whenMalformed_reportsMediumWithProblem(String valueFrom, String problem) {
        assertThat(check(rule, with(container("web").secret("DB", valueFrom)))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).startsWith("Container web of task definition web-app:3 has secret DB whose "
                    + "reference ").contains(problem).endsWith(".");
        });
    }

    @Test
    void check_whenPartialSecretArn_reportsLow() {
        assertThat(check(rule, with(container("web").secret("DB", SM + "db")))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void check_whenRepositoryCredentialsPointToSsmOrAreEmpty_reports() {
        assertThat(check(rule, with(container("web")
                .repositoryCredentials("arn:aws:ssm:eu-west-1:123456789012:parameter/creds"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("repositoryCredentials needs a "
                        + "Secrets Manager secret"));
        assertThat(check(rule, with(container("web").repositoryCredentials("")))).hasSize(1);
        assertThat(check(rule, with(container("web").repositoryCredentials("dockerhub-creds")))).isEmpty();
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("EXEC-VALUEFROM-FORMAT")).containsSame(rule.metadata());
    }

    @Test
    void check_whenSeveralSecretsShareAProblem_reportsOneFindingNamingEach() {
        List<Finding> findings = check(rule, with(container("web").secret("A", SM + "a").secret("B", SM + "b")
                .secret("C", "arn:aws:secretsmanager:eu-west-1")));

        assertThat(findings).hasSize(2);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.LOW).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("secret A, secret B, each of whose references"));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.MEDIUM).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("secret C whose reference"));
    }
}
