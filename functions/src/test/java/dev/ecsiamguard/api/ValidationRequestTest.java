package dev.ecsiamguard.api;

import static dev.ecsiamguard.api.ProvisionRolesRequestTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationRequestTest {

    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:3";

    @Test
    void parse_whenBodyIsATaskDefinition_returnsTheDocument() {
        ValidationRequest request = ValidationRequest.parse("{\"family\":\"web\",\"containerDefinitions\":"
                + "[{\"name\":\"app\",\"image\":\"public.ecr.aws/nginx/nginx:1.27\"}]}");

        assertThat(request).isInstanceOfSatisfying(ValidationRequest.Document.class,
                d -> assertThat(d.taskDefinition().family()).isEqualTo("web"));
    }

    @Test
    void parse_whenBodyIsDescribeOutput_returnsTheDocument() {
        ValidationRequest request = ValidationRequest.parse("{\"taskDefinition\":{\"taskDefinitionArn\":\"" + ARN
                + "\",\"family\":\"payments-api\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\"}]}}");

        assertThat(request).isInstanceOf(ValidationRequest.Document.class);
    }

    @Test
    void parse_whenBodyNamesOnlyAnArn_returnsByArn() {
        assertThat(ValidationRequest.parse("{\"taskDefinitionArn\":\"" + ARN + "\"}"))
                .isEqualTo(new ValidationRequest.ByArn(ARN));
    }

    @Test
    void parse_whenArnIsMalformedOrHasNoRevision_namesTheField() {
        for (String arn : new String[] {"payments-api:3", "arn:aws:ecs:us-east-1:123456789012:task-definition/web",
                "arn:aws:ecs:us-east-1:1234:task-definition/web:1"}) {
            assertInvalid(() -> ValidationRequest.parse("{\"taskDefinitionArn\":\"" + arn + "\"}"),
                    "taskDefinitionArn", "task definition revision ARN");
        }
    }

    @Test
    void parse_whenArnComesWithOtherFields_rejectsTheExtraField() {
        assertInvalid(() -> ValidationRequest.parse("{\"taskDefinitionArn\":\"" + ARN + "\",\"cluster\":\"x\"}"),
                "cluster", "unknown field");
    }

    @Test
    void parse_whenDocumentHasNoContainers_answersInvalidTaskDefinition() {
        assertThatThrownBy(() -> ValidationRequest.parse("{\"family\":\"web\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_task_definition");
                    assertThat(e.field()).isEqualTo("containerDefinitions");
                });
    }

    @Test
    void parse_whenBodyEmptyOrNotJson_answersMalformedBody() {
        for (String body : new String[] {"", "not json"}) {
            assertThatThrownBy(() -> ValidationRequest.parse(body)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("malformed_body"));
        }
    }
}
