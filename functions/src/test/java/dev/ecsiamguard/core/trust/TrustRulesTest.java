package dev.ecsiamguard.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each trust rule on a failing and a passing trust statement of a role in account 123456789012. */
class TrustRulesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/app-task";
    private static final String ECS = "'Principal':{'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'";
    private static final String GOOD = "'Condition':{'StringEquals':{'aws:SourceAccount':'123456789012'},"
            + "'ArnLike':{'aws:SourceArn':'arn:aws:ecs:us-east-1:123456789012:*'}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "documented; {'Effect':'Allow',ECS,GOOD}; true; ",
        "no conditions; {'Effect':'Allow',ECS}; true; TRUST-CONFUSED-DEPUTY:MEDIUM",
        "source account only (ECS's documented protection); {'Effect':'Allow',ECS,'Condition':{'StringEquals':"
                + "{'aws:SourceAccount':'123456789012'}}}; true; TRUST-CONFUSED-DEPUTY:LOW",
        "source arn only; {'Effect':'Allow',ECS,'Condition':{'ArnLike':"
                + "{'aws:SourceArn':'arn:aws:ecs:us-east-1:123456789012:*'}}}; true; TRUST-CONFUSED-DEPUTY:LOW",
        "other account; {'Effect':'Allow',ECS,'Condition':{'StringEquals':{'aws:SourceAccount':'999999999999'},"
                + "'ArnLike':{'aws:SourceArn':'arn:aws:ecs:us-east-1:999999999999:*'}}}; true;"
                + " TRUST-SOURCEARN-WRONG:HIGH",
        "not ecs; {'Effect':'Allow',ECS,'Condition':{'StringEquals':{'aws:SourceAccount':'123456789012'},"
                + "'ArnLike':{'aws:SourceArn':'arn:aws:lambda:us-east-1:123456789012:*'}}}; true;"
                + " TRUST-SOURCEARN-WRONG:HIGH",
        "star in equals; {'Effect':'Allow',ECS,'Condition':{'StringEquals':{'aws:SourceAccount':'123456789012',"
                + "'aws:SourceArn':'arn:aws:ecs:us-east-1:123456789012:*'}}}; true; TRUST-SOURCEARN-WRONG:HIGH",
        "public; {'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole'}; false; TRUST-PUBLIC:CRITICAL",
        "public aws; {'Effect':'Allow','Principal':{'AWS':'*'},'Action':'sts:AssumeRole'}; false;"
                + " TRUST-PUBLIC:CRITICAL",
        "cross account; {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::999999999999:root'},"
                + "'Action':'sts:AssumeRole'}; false; TRUST-XACCOUNT-NO-EXTID:HIGH",
        "cross account with id; {'Effect':'Allow','Principal':{'AWS':'999999999999'},'Action':'sts:AssumeRole',"
                + "'Condition':{'StringEquals':{'sts:ExternalId':'x-1'}}}; false; ",
        "same account; {'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},"
                + "'Action':'sts:AssumeRole'}; false; ",
        "extra services; {'Effect':'Allow','Principal':{'Service':['ecs-tasks.amazonaws.com','ec2.amazonaws.com']},"
                + "'Action':'sts:AssumeRole',GOOD}; true; TRUST-EXTRA-PRINCIPALS:MEDIUM",
        "wrong service for a task role; {'Effect':'Allow','Principal':{'Service':'ecs.amazonaws.com'},"
                + "'Action':'sts:AssumeRole'}; true; EXEC-TRUST:HIGH",
        "not a task role; {'Effect':'Allow','Principal':{'Service':'ecs.amazonaws.com'},"
                + "'Action':'sts:AssumeRole'}; false; "})
    void check_whenTrustStatement_reportsExpectedRules(String name, String statement, boolean taskRole,
                                                      String expected) {
        String policy = ("{'Version':'2012-10-17','Statement':[" + statement.replace("ECS", ECS)
                .replace("GOOD", GOOD) + "]}").replace('\'', '"');
        TrustedRole role = TrustedRole.of(ROLE, Optional.of("123456789012"),
                new NamedPolicy("trust", PolicyDocument.parseTrust(policy)), taskRole);

        Report report = TrustRules.check(role);
        List<Finding> findings = report.findings();

        assertThat(report.errors()).isEmpty();

        assertThat(findings).extracting(f -> f.rule().id() + ":" + f.severity())
                .containsExactlyInAnyOrderElementsOf(expected == null ? List.of() : List.of(expected.split("\\|")));
    }
}
