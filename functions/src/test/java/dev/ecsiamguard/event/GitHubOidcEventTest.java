package dev.ecsiamguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every GitHub OIDC sample event parses to what the function needs; the invalid ones fail with a clear reason. */
class GitHubOidcEventTest {

    @ParameterizedTest
    @Event(value = "events/cloudtrail/sts-assume-role-with-web-identity.json", type = ScheduledEvent.class)
    void from_whenGitHubAssumedRole_readsRoleAndSubject(ScheduledEvent event) {
        GitHubOidcEvent parsed = GitHubOidcEvent.from(CloudTrailCall.from(event));

        assertThat(parsed).isInstanceOf(GitHubOidcEvent.RoleAssumed.class);
        GitHubOidcEvent.RoleAssumed assumed = (GitHubOidcEvent.RoleAssumed) parsed;
        assertThat(assumed.use().roleName()).isEqualTo("ecs-payments-api-github-deploy");
        assertThat(assumed.use().subject().owner()).isEqualTo("acme");
        assertThat(assumed.region()).isEqualTo("us-east-1");
    }

    @Test
    void from_whenProviderCreated_readsUrl() {
        GitHubOidcEvent parsed = parse("events/cloudtrail/iam-create-open-id-connect-provider.json");

        assertThat(parsed).isEqualTo(new GitHubOidcEvent.ProviderCreated("123456789012", "us-east-1",
                "https://token.actions.githubusercontent.com"));
    }

    @ParameterizedTest
    @CsvSource({"iam-update-assume-role-policy.json, ecs-payments-api-github-deploy, UpdateAssumeRolePolicy",
        "iam-create-role-github.json, legacy-github-deploy, CreateRole",
        "iam-put-role-policy.json, legacy-github-deploy, PutRolePolicy",
        "iam-attach-role-policy.json, legacy-github-deploy, AttachRolePolicy"})
    void from_whenRoleChanged_readsRoleName(String file, String role, String eventName) {
        assertThat(parse("events/cloudtrail/" + file)).isEqualTo(new GitHubOidcEvent.RoleChanged("123456789012",
                "us-east-1", role, eventName));
    }

    @ParameterizedTest
    @CsvSource({"iam-create-open-id-connect-provider-gitlab.json, is not GitHub's",
        "iam-create-open-id-connect-provider-failed-call.json, failed with",
        "iam-put-role-policy-missing-role-name.json, roleName",
        "sts-assume-role-with-web-identity-malformed-subject.json, malformed",
        "sts-assume-role-with-web-identity-other-provider.json, is not GitHub's",
        "ecr-delete-repository.json, expected iam"})
    void from_whenInvalid_failsWithReason(String file, String reason) {
        assertThatThrownBy(() -> parse("events/invalid/" + file)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    private static GitHubOidcEvent parse(String path) {
        return GitHubOidcEvent.from(CloudTrailCall.from(EventLoader.loadScheduledEvent(path)));
    }
}
