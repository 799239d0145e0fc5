package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.trust.TrustedRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each GitHub trust rule on a failing and a passing condition block; `|` separates expected rule:severity. */
class GitHubTrustRulesTest {

    private static final String ARN = "arn:aws:iam::123456789012:role/deploy";
    private static final String AUD = "'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'";
    private static final String SUB = "token.actions.githubusercontent.com:sub";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "pinned id form; {'StringEquals':{AUD,'SUB':'repo:acme@1/api@2:ref:refs/heads/main'}}; false; ",
        "no sub; {'StringEquals':{AUD}}; false; OIDC-SUB-MISSING:CRITICAL",
        "no aud; {'StringEquals':{'SUB':'repo:acme@1/api@2:environment:prod'}}; false; OIDC-AUD-MISSING:MEDIUM",
        "wrong aud; {'StringEquals':{'token.actions.githubusercontent.com:aud':'sigstore','SUB':'repo:a@1/b@2:x'}};"
                + " false; OIDC-AUD-MISSING:MEDIUM",
        "any repo; {'StringEquals':{AUD},'StringLike':{'SUB':'repo:*'}}; false; OIDC-SUB-WILDCARD:CRITICAL",
        "star; {'StringEquals':{AUD},'StringLike':{'SUB':'*'}}; false; OIDC-SUB-WILDCARD:CRITICAL",
        "owner prefix; {'StringEquals':{AUD},'StringLike':{'SUB':'repo:acme*/api:*'}}; false;"
                + " OIDC-SUB-WILDCARD:CRITICAL",
        "any repo of org; {'StringEquals':{AUD},'StringLike':{'SUB':'repo:acme@1/*'}}; false;"
                + " OIDC-SUB-WILDCARD:MEDIUM",
        "any branch; {'StringEquals':{AUD},'StringLike':{'SUB':'repo:acme@1/api@2:*'}}; false; OIDC-SUB-WILDCARD:LOW",
        "any branch prod; {'StringEquals':{AUD},'StringLike':{'SUB':'repo:acme@1/api@2:*'}}; true;"
                + " OIDC-SUB-WILDCARD:MEDIUM|OIDC-PROD-UNPINNED:HIGH",
        "prod pull request; {'StringEquals':{AUD,'SUB':'repo:acme@1/api@2:pull_request'}}; true;"
                + " OIDC-PROD-UNPINNED:HIGH|OIDC-SUB-WILDCARD:MEDIUM",
        "pull request; {'StringEquals':{AUD,'SUB':['repo:acme@1/api@2:ref:refs/heads/main',"
                + "'repo:acme@1/api@2:pull_request']}}; false; OIDC-SUB-WILDCARD:MEDIUM",
        "prod environment; {'StringEquals':{AUD,'SUB':'repo:acme@1/api@2:environment:production'}}; true; ",
        "user claim; {'StringEquals':{AUD,'SUB':'workflow:deploy'}}; false; OIDC-SUB-ABUSABLE-PREFIX:HIGH",
        "star in equals; {'StringEquals':{AUD,'SUB':'repo:acme@1/api@2:*'}}; false;"
                + " OIDC-WILDCARD-IN-STRINGEQUALS:LOW",
        "for all values; {'StringEquals':{AUD},'ForAllValues:StringEquals':{'SUB':'repo:acme@1/api@2:environment:p'}};"
                + " false; OIDC-FORALLVALUES:HIGH",
        "name form, ids unknown; {'StringEquals':{AUD,'SUB':'repo:acme/api:ref:refs/heads/main'}}; false; "})
    void check_whenConditionBlock_reportsExpectedRules(String name, String condition, boolean production,
                                                      String expected) {
        assertThat(ids(findings(condition, production, Optional.empty())))
                .containsExactlyInAnyOrderElementsOf(expected == null ? List.of() : List.of(expected.split("\\|")));
    }

    @Test
    void check_whenIdsConfiguredButTrustUsesNames_reportsMutableSubAsMediumWithExactFix() {
        List<Finding> findings = findings("{'StringEquals':{AUD,'SUB':'repo:acme/payments-api:ref:refs/heads/main'}}",
                false, Optional.of(Deployments.payments(true)));

        assertThat(ids(findings)).containsExactly("OIDC-MUTABLE-SUB:MEDIUM");
        assertThat(findings.get(0).fix()).contains("repo:acme@123456/payments-api@789012:ref:refs/heads/main",
                "\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"");
    }

    @Test
    void check_whenEnterpriseIssuer_usesItsOwnConditionKeys() {
        String trust = "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':{'Federated':"
                + "'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com/acme'},"
                + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringEquals':{"
                + "'token.actions.githubusercontent.com/acme:aud':'sts.amazonaws.com'}}}}";

        assertThat(ids(run(trust, false, Optional.empty()))).containsExactly("OIDC-SUB-MISSING:CRITICAL");
    }

    @Test
    void rules_whenListed_areTheGitHubTrustFamilyOfTheCatalogue() {
        assertThat(GitHubTrustRules.ALL).extracting(r -> r.metadata().id())
                .allMatch(id -> id.startsWith("OIDC-")).doesNotHaveDuplicates().hasSize(8);
    }

    private static List<Finding> findings(String condition, boolean production, Optional<GitHubDeployment> expected) {
        String trust = "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':{'Federated':"
                + "'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'},"
                + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':" + condition.replace("AUD", AUD)
                .replace("'SUB'", "'" + SUB + "'") + "}}";
        return run(trust, production, expected);
    }

    private static List<Finding> run(String trust, boolean production, Optional<GitHubDeployment> expected) {
        TrustedRole role = TrustedRole.of(ARN, Optional.of("123456789012"),
                new NamedPolicy("trust", PolicyDocument.parseTrust(Deployments.json(trust))), false);
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        GitHubTrustRules.run(GitHubTrust.of(role, expected, production), findings, errors);
        assertThat(errors).isEmpty();
        return findings;
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id() + ":" + f.severity()).toList();
    }

    @Test
    void check_whenSeveralWildcards_namesEachUnderTheScopeItOpens_andNotThePinnedOnes() {
        List<Finding> findings = findings("{'StringEquals':{AUD},'StringLike':{'SUB':["
                + "'repo:acme@1/api@2:ref:refs/heads/main','repo:acme*/api:*','repo:acme/api:*']}}", false,
                Optional.empty());

        assertThat(findings).filteredOn(f -> f.rule().id().equals("OIDC-SUB-WILDCARD")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(dev.ecsiamguard.core.Severity.CRITICAL);
                    assertThat(f.message()).contains("any repository of any owner through sub [repo:acme*/api:*]",
                            "several branches, tags, environments or pull requests of one repository through sub"
                                    + " [repo:acme/api:*]").doesNotContain("refs/heads/main");
                });
    }
}
