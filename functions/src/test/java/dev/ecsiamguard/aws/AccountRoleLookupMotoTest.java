package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.Request;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** Roles read from moto's IAM: every policy kind, decoded once, and the answers for other accounts and no role. */
class AccountRoleLookupMotoTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final MotoServer moto = MotoServer.get();
    private final CallRecorder recorder = new CallRecorder();
    private IamClient iam;

    @BeforeEach
    void reset() {
        moto.reset();
        iam = new AwsClients(moto.settings().withInterceptor(recorder)).iam();
        AccountRoleLookup.forgetManagedPolicies();
    }

    @Test
    void find_whenRoleHasInlineManagedAndBoundary_loadsAllAndTheBoundaryLimits() {
        String boundary = iam.createPolicy(r -> r.policyName("only-logs").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}")).policy().arn();
        iam.createRole(r -> r.roleName("web-exec").path("/team/").assumeRolePolicyDocument(TRUST)
                .permissionsBoundary(boundary));
        iam.putRolePolicy(r -> r.roleName("web-exec").policyName("secrets").policyDocument("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:a b-AbCdEf\"}]}"));
        iam.attachRolePolicy(r -> r.roleName("web-exec")
                .policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));

        RoleResolution found = new AccountRoleLookup(iam, "123456789012")
                .find("arn:aws:iam::123456789012:role/team/web-exec");

        assertThat(found.status()).isEqualTo(RoleResolution.Status.FOUND);
        RoleSnapshot role = found.role();
        assertThat(role.inlinePolicies()).extracting(p -> p.name()).containsExactly("secrets");
        assertThat(role.managedPolicies()).extracting(p -> p.name())
                .containsExactly("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        assertThat(role.boundary()).isPresent();
        assertThat(role.evaluator().evaluate(Request.of("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:"
                + "log-group:g:log-stream:s")).isAllowed()).isTrue();
        assertThat(role.evaluator().evaluate(Request.of("secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:a b-AbCdEf")).isAllowed()).isFalse();
    }

    @Test
    void find_whenRoleInAnotherAccount_answersUnknownWithoutCalling() {
        RoleResolution other = new AccountRoleLookup(iam, "123456789012").find("arn:aws:iam::210987654321:role/x");

        assertThat(other.status()).isEqualTo(RoleResolution.Status.UNKNOWN);
        assertThat(other.reason()).contains("210987654321");
        assertThat(recorder.calls()).isEmpty();
    }

    @Test
    void find_whenRoleDoesNotExist_answersMissing() {
        assertThat(new AccountRoleLookup(iam, "123456789012").find("nobody").status())
                .isEqualTo(RoleResolution.Status.MISSING);
    }
}
