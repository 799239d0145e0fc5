package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.withSettings;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.DesiredLogGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Answers;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;

/** IAM's eventual consistency is the one case moto cannot reproduce: a role that answers NoSuchEntity for a while. */
class IamRolesTest {

    private static final Change.PutInlinePolicy PUT = new Change.PutInlinePolicy("ecs-orders-execution-role",
            "ecs-iam-guard-execution", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");

    // Real default methods: the consumer-builder overloads must reach the stubbed request overloads.
    private final IamClient iam = mock(IamClient.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));
    private final List<Long> sleeps = new ArrayList<>();
    private final IamRoles roles = new IamRoles(iam, new Backoff(4, 100, 1_000, sleeps::add));

    @Test
    void apply_whenRoleAppearsAfterTwoNoSuchEntity_putsPolicyAfterTwoSleeps() {
        doThrow(notYetVisible()).doThrow(notYetVisible()).doReturn(PutRolePolicyResponse.builder().build())
                .when(iam).putRolePolicy(any(PutRolePolicyRequest.class));

        assertThat(roles.apply(PUT)).isTrue();

        ArgumentCaptor<PutRolePolicyRequest> request = ArgumentCaptor.forClass(PutRolePolicyRequest.class);
        verify(iam, times(3)).putRolePolicy(request.capture());
        assertThat(request.getValue().roleName()).isEqualTo(PUT.roleName());
        assertThat(request.getValue().policyName()).isEqualTo(PUT.policyName());
        assertThat(request.getValue().policyDocument()).isEqualTo(PUT.document());
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void apply_whenRoleNeverAppears_surfacesNoSuchEntityAfterMaxAttempts() {
        doThrow(notYetVisible()).when(iam).putRolePolicy(any(PutRolePolicyRequest.class));

        assertThatThrownBy(() -> roles.apply(PUT)).isInstanceOf(NoSuchEntityException.class);

        verify(iam, times(4)).putRolePolicy(any(PutRolePolicyRequest.class));
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void apply_whenIamRejectsTheDocument_failsWithoutRetrying() {
        doThrow(MalformedPolicyDocumentException.builder().message("bad").build())
                .when(iam).updateAssumeRolePolicy(any(UpdateAssumeRolePolicyRequest.class));

        assertThatThrownBy(() -> roles.apply(new Change.UpdateTrustPolicy("ecs-orders-task-role", "{}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);

        verify(iam, times(1)).updateAssumeRolePolicy(any(UpdateAssumeRolePolicyRequest.class));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void apply_whenChangeIsNotAboutRoles_returnsFalseWithoutCallingIam() {
        boolean applied = roles.apply(new Change.CreateLogGroup(new DesiredLogGroup("/ecs/dev/orders", 30, Map.of())));

        assertThat(applied).isFalse();
        verifyNoInteractions(iam);
    }

    private static NoSuchEntityException notYetVisible() {
        return (NoSuchEntityException) NoSuchEntityException.builder()
                .message("The role with name ecs-orders-execution-role cannot be found.").build();
    }
}
