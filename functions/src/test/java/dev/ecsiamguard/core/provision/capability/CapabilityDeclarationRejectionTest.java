package dev.ecsiamguard.core.provision.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad declarations are rejected with the field named and the reason, before any policy exists. */
class CapabilityDeclarationRejectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admin|unknown task role capability `admin`",
        "s3=*|has a wildcard",
        "s3=uploads-bucket/pay*|has a wildcard",
        "s3|needs a resource",
        "s3.consume=uploads-bucket|access `consume` of capability `s3` must be one of",
        "dynamodb.write=payments|must be one of [read, read-write]",
        "sqs=arn:aws:sqs:us-east-1:210987654321:jobs|not this stack's account 123456789012",
        "sqs=arn:aws:sqs:eu-west-1:123456789012:jobs|not one of the service's regions",
        "sns=arn:aws:sqs:us-east-1:123456789012:jobs|is not an ARN of an SNS topic",
        "s3=arn:aws-cn:s3:::uploads-bucket|partition aws-cn",
        "exec=prod|takes no resource",
        "xray.read|takes no access",
        "kms=1234abcd-12ab-34cd-56ef-1234567890ab|declare that capability too",
        "kms=alias/payments|is an alias",
        "efs=fs-0123abcd|needs a second value",
        "ses=example.com=ceo@other.com|must be an email address of identity",
        "metrics=AWS/ECS|`AWS/` is reserved",
        "secrets=../billing/|relative to the service's own prefix",
        "s3=Uploads_Bucket|not a valid S3 bucket name",
        "dynamodb=payments table|`+` and space separate declarations",
    })
    void parseAndPolicy_whenDeclarationIsBad_namesTheFieldAndReason(String declaration, String reason) {
        assertThatThrownBy(() -> TaskRoleCapabilities.policy(
                TaskRoleCapabilities.fromList(List.of("exec", declaration), "capabilities"), CapabilityPolicies.SCOPE))
                .isInstanceOf(CapabilityException.class)
                .hasMessageStartingWith("capabilities[1]: ")
                .hasMessageContaining(reason)
                .extracting(e -> ((CapabilityException) e).field()).isEqualTo("capabilities[1]");
    }

    @Test
    void fromTags_namesTheTagAndItemOfABadDeclaration() {
        Map<String, String> tags = Map.of(TaskRoleCapabilities.TAG, "exec s3=uploads-bucket",
                TaskRoleCapabilities.TAG + ":2", "xray bogus");

        assertThatThrownBy(() -> TaskRoleCapabilities.fromTags(tags))
                .isInstanceOf(CapabilityException.class)
                .hasMessageStartingWith("tag ecs-iam-guard:capabilities:2 item 2: unknown task role capability");
    }

    @Test
    void fromTags_readsSpaceAndPlusSeparatedItemsAcrossContinuationTags() {
        Map<String, String> tags = Map.of(TaskRoleCapabilities.TAG, "exec+xray s3=uploads-bucket",
                TaskRoleCapabilities.TAG + ":2", "sqs.send=jobs", "Team", "payments");

        assertThat(TaskRoleCapabilities.texts(TaskRoleCapabilities.fromTags(tags)))
                .containsExactly("exec", "xray", "s3=uploads-bucket", "sqs.send=jobs");
    }

    @Test
    void everyExampleInTheMessages_isAValidDeclaration() {
        for (CapabilityKind kind : CapabilityKind.values()) {
            List<String> examples = List.of(Examples.of(kind).split(" or "));
            List<String> declared = new java.util.ArrayList<>(examples);
            declared.add("s3=helper-bucket");
            assertThat(TaskRoleCapabilities.policy(TaskRoleCapabilities.fromList(declared, "capabilities"),
                    CapabilityPolicies.SCOPE)).as(kind.spelling()).isPresent();
        }
    }

    @Test
    void policy_whenTooManyResourcesForIam_isRejectedInsteadOfFailingAtWriteTime() {
        List<String> many = java.util.stream.IntStream.range(0, 120).mapToObj(i -> "sqs.consume=queue-" + i).toList();

        assertThatThrownBy(() -> TaskRoleCapabilities.policy(TaskRoleCapabilities.fromList(many, "capabilities"),
                CapabilityPolicies.SCOPE)).hasMessageContaining("longer than IAM's 10240 characters");
    }
}
