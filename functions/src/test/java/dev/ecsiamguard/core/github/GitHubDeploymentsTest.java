package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The `GITHUB_DEPLOYMENTS` configuration is read strictly, with errors that name the field. */
class GitHubDeploymentsTest {

    private static final String GOOD = "{'service':'payments-api','repository':'acme/payments-api',"
            + "'repositoryId':'789012','ownerId':123456,'branches':['main'],'environments':['production']}";

    @Test
    void parse_whenValid_fillsDefaultsAndBuildsIdSubjects() {
        GitHubDeployment d = GitHubDeployments.parse(json("[" + GOOD + "]"), "ecs-dev", Optional.of("eu-west-1"))
                .all().get(0);

        assertThat(d.owner()).isEqualTo("acme");
        assertThat(d.cluster()).isEqualTo("ecs-dev");
        assertThat(d.ecsService()).isEqualTo("payments-api");
        assertThat(d.region()).contains("eu-west-1");
        assertThat(d.subjects()).containsExactly("repo:acme@123456/payments-api@789012:ref:refs/heads/main",
                "repo:acme@123456/payments-api@789012:environment:production");
    }

    @Test
    void parse_whenBlank_meansNoDeployments() {
        assertThat(GitHubDeployments.parse(" ", "c", Optional.empty()).all()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "not json; [{; not valid JSON",
        "not array; {}; must be a JSON array",
        "no owner; [{'service':'a','repository':'payments-api','branches':['main']}]; `repository`",
        "space in repo; [{'service':'a','repository':'acme/pay ments','branches':['main']}]; `repository`",
        "owner double hyphen; [{'service':'a','repository':'ac--me/api','branches':['main']}]; `repository`",
        "owner too long; [{'service':'a','repository':'abcdefghijabcdefghijabcdefghijabcdefghij/api',"
                + "'branches':['main']}]; `repository`",
        "id not numeric; [{'service':'a','repository':'acme/api','ownerId':'12a','repositoryId':'1',"
                + "'branches':['main']}]; `ownerId`",
        "one id only; [{'service':'a','repository':'acme/api','repositoryId':'1','branches':['main']}]; `ownerId`",
        "wildcard branch; [{'service':'a','repository':'acme/api','branches':['feature/*']}]; `branches`",
        "nothing allowed; [{'service':'a','repository':'acme/api'}]; `branches`",
        "unknown field; [{'service':'a','repository':'acme/api','branches':['main'],'branch':'x'}]; `branch`",
        "bad ecr; [{'service':'a','repository':'acme/api','branches':['main'],'ecrRepository':'Pay'}]; `ecrRepository`",
        "twice; [{'service':'a','repository':'acme/api','branches':['main']},"
                + "{'service':'a','repository':'acme/web','branches':['main']}]; configured twice"})
    void parse_whenInvalid_failsNamingTheField(String name, String text, String expected) {
        assertThatThrownBy(() -> GitHubDeployments.parse(json(text), "ecs-dev", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GITHUB_DEPLOYMENTS")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest
    @CsvSource({"repo:acme/api, malformed", "repo:acme/*:ref:refs/heads/main, wildcards", "'', empty",
        "workflow:deploy, malformed"})
    void subjectParse_whenMalformed_fails(String subject, String expected) {
        assertThatThrownBy(() -> GitHubSubject.parse(subject)).hasMessageContaining(expected);
    }

    @Test
    void subjectParse_whenIdForm_readsOwnerAndIds() {
        GitHubSubject s = GitHubSubject.parse("repo:acme@123/api@456:environment:prod");

        assertThat(s.owner()).isEqualTo("acme");
        assertThat(s.ownerId()).contains("123");
        assertThat(s.repositoryId()).contains("456");
        assertThat(s.context()).isEqualTo("environment:prod");
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
