package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.EscalationAnalysisTest.OWN_POLICY;
import static dev.ecsiamguard.core.policy.EscalationAnalysisTest.ROLE;
import static dev.ecsiamguard.core.policy.EscalationAnalysisTest.analyse;
import static dev.ecsiamguard.core.policy.EscalationAnalysisTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Full administrative access, held or reachable, decided by the engine with denies and the boundary: the cases
 * issue 10 measured (iam:* alone, CreateRole + AttachRolePolicy, a policy on the role itself) and their opposites.
 */
class AdminEquivalenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            Allow * on *; {'Effect':'Allow','Action':'*','Resource':'*'}; -; FULL; -
            iam:* on *; {'Effect':'Allow','Action':'iam:*','Resource':'*'}; -; ADMIN; IAM-ATTACH-SELF
            iam:* kms:* s3:*; {'Effect':'Allow','Action':['iam:*','kms:*','s3:*'],'Resource':'*'}; -; ADMIN; \
            IAM-PUT-SELF
            CreateRole and AttachRolePolicy on *; \
            {'Effect':'Allow','Action':['iam:CreateRole','iam:AttachRolePolicy'],'Resource':'*'}; -; ADMIN; \
            IAM-CREATE-ROLE-ATTACH
            iam:* sts:AssumeRole lambda:*; \
            {'Effect':'Allow','Action':['iam:*','sts:AssumeRole','lambda:*'],'Resource':'*'}; -; ADMIN; \
            IAM-ATTACH-SELF
            PutRolePolicy on itself; \
            {'Effect':'Allow','Action':'iam:PutRolePolicy','Resource':'ROLE'}; -; ADMIN; IAM-PUT-SELF
            CreatePolicyVersion on its own managed policy; \
            {'Effect':'Allow','Action':'iam:CreatePolicyVersion','Resource':'OWN'}; -; ADMIN; IAM-POLICY-VERSION-SELF
            AttachRolePolicy limited to ReadOnlyAccess; \
            {'Effect':'Allow','Action':'iam:AttachRolePolicy','Resource':'ROLE',\
            'Condition':{'ArnEquals':{'iam:PolicyARN':'arn:aws:iam::aws:policy/ReadOnlyAccess'}}}; -; NONE; -
            Allow * with a Deny on iam:*; \
            {'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'iam:*','Resource':'*'}; -; \
            PRIVESC; LAMBDA-UPDATE-CODE
            iam:* under a boundary of s3:GetObject; {'Effect':'Allow','Action':'iam:*','Resource':'*'}; \
            {'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}; NONE; -
            iam:* under an iam:* boundary still creates an unbounded role; \
            {'Effect':'Allow','Action':'iam:*','Resource':'*'}; {'Effect':'Allow','Action':'iam:*','Resource':'*'}; \
            ADMIN; IAM-CREATE-ROLE-ATTACH
            PutRolePolicy on itself under an iam:PutRolePolicy boundary stays bounded; \
            {'Effect':'Allow','Action':'iam:PutRolePolicy','Resource':'ROLE'}; \
            {'Effect':'Allow','Action':'iam:PutRolePolicy','Resource':'*'}; PRIVESC; IAM-PUT-SELF
            PutRolePolicy on itself when it may also drop its boundary; \
            {'Effect':'Allow','Action':['iam:PutRolePolicy','iam:DeleteRolePermissionsBoundary'],'Resource':'ROLE'}; \
            {'Effect':'Allow','Action':'iam:*','Resource':'*'}; ADMIN; IAM-PUT-SELF
            sts:AssumeRole on *; {'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}; -; PRIVESC; \
            STS-ASSUME-ANY
            application permissions only; \
            {'Effect':'Allow','Action':['sqs:SendMessage','s3:GetObject','iam:GetRole'],'Resource':'*'}; -; NONE; -
            """)
    void analyse_whenPolicy_judgesAdminEquivalence(String title, String statements, String boundary,
                                                   String expected, String pathId) {
        EscalationAnalysis.Verdict verdict = analyse(statements.replace("'ROLE'", "'" + ROLE + "'")
                .replace("'OWN'", "'" + OWN_POLICY + "'"), boundary);

        String actual = verdict.hasFullAccess() ? "FULL" : verdict.isAdminEquivalent() ? "ADMIN"
                : verdict.paths().isEmpty() ? "NONE" : "PRIVESC";
        assertThat(actual).as(title + ": " + verdict).isEqualTo(expected);
        if (expected.equals("ADMIN")) {
            assertThat(verdict.adminPaths()).extracting(p -> p.path().id()).as(title).contains(pathId);
        } else if (expected.equals("PRIVESC")) {
            assertThat(verdict.otherPaths()).extracting(p -> p.path().id()).as(title).contains(pathId);
        } else if (expected.equals("FULL")) {
            assertThat(verdict.fullAccess()).isNotEmpty();
            assertThat(verdict.paths()).isEmpty();
        } else {
            assertThat(ids(verdict)).as(title).isEmpty();
        }
    }
}
