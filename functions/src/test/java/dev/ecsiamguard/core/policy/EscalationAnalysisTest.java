package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.EscalationPath.Step;
import dev.ecsiamguard.core.policy.EscalationPath.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of the catalogue, asked of the engine: found when its actions are allowed, and gone when a
 * condition that cannot hold, an explicit Deny or the permissions boundary removes one of its steps, or when
 * one step is missing.
 */
class EscalationAnalysisTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/app-task";
    static final String OWN_POLICY = "arn:aws:iam::123456789012:policy/app-task-policy";
    static final EscalationAnalysis.Subject SUBJECT = new EscalationAnalysis.Subject(ROLE, "aws", "123456789012",
            "eu-west-1");

    static Stream<String> paths() {
        return EscalationCatalog.ALL.stream().map(EscalationPath::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void analyse_whenEveryStepAllowed_findsThePathWithItsStatements(String id) {
        EscalationAnalysis.Verdict verdict = analyse(grant(path(id), ""), null);

        EscalationAnalysis.Found found = verdict.paths().stream().filter(p -> p.path().id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not found in " + verdict));
        assertThat(found.openedBy()).isNotEmpty().allSatisfy(ref -> assertThat(ref.policyName()).isEqualTo(
                OWN_POLICY));
        assertThat(found.describe()).startsWith(id + ": ").contains(path(id).steps().get(0).action());
        assertThat(found.reachesAdmin()).isEqualTo(path(id).grade() == EscalationPath.Grade.ADMIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void analyse_whenConditionCannotHold_doesNotFindThePath(String id) {
        String otherPrincipal = ",'Condition':{'ArnEquals':{'aws:PrincipalArn':'arn:aws:iam::123456789012:role/ci'}}";

        assertThat(ids(analyse(grant(path(id), otherPrincipal), null))).doesNotContain(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void analyse_whenDenyRemovesAStep_doesNotFindThePath(String id) {
        EscalationPath path = path(id);
        String last = path.steps().get(path.steps().size() - 1).action();
        String deny = "{'Effect':'Deny','Action':'" + last + "','Resource':'*'}";

        assertThat(ids(analyse(grant(path, "") + "," + deny, null))).doesNotContain(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void analyse_whenBoundaryLeavesOutAStep_doesNotFindThePath(String id) {
        EscalationPath path = path(id);
        String boundary = "{'Effect':'Allow','NotAction':'" + path.steps().get(0).action() + "','Resource':'*'}";

        assertThat(ids(analyse(grant(path, ""), boundary))).doesNotContain(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void analyse_whenOneStepMissing_doesNotFindThePath(String id) {
        EscalationPath path = path(id);
        List<String> actions = path.steps().stream().map(Step::action).distinct().toList();
        if (actions.size() < 2) {
            return; // one-call paths: the deny and boundary tests already remove their only step
        }
        EscalationPath partial = new EscalationPath(id, path.title(), path.grade(), path.selfGrant(),
                path.steps().stream().filter(s -> !s.action().equals(actions.get(actions.size() - 1))).toList());

        assertThat(ids(analyse(grant(partial, ""), null))).doesNotContain(id);
    }

    static EscalationPath path(String id) {
        return EscalationCatalog.ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** One Allow per step, on that step's own resource only, so no wildcard grants more than the path. */
    static String grant(EscalationPath path, String condition) {
        List<String> statements = new ArrayList<>();
        for (Step step : path.steps()) {
            statements.add("{'Effect':'Allow','Action':'" + step.action() + "','Resource':'" + resource(step.target())
                    + "'" + condition + "}");
        }
        return String.join(",", statements);
    }

    private static String resource(Target target) {
        return switch (target) {
            case SELF_ROLE -> ROLE;
            case SELF_POLICY -> OWN_POLICY;
            case FOREIGN_ROLE -> "arn:aws:iam::*:role/*";
            default -> "*";
        };
    }

    static EscalationAnalysis.Verdict analyse(String statements, String boundaryStatements) {
        NamedPolicy own = Policies.identity(OWN_POLICY, "{'Version':'2012-10-17','Statement':[" + statements + "]}");
        NamedPolicy boundary = boundaryStatements == null ? null : Policies.identity("boundary",
                "{'Version':'2012-10-17','Statement':[" + boundaryStatements + "]}");
        return new EscalationAnalysis(new PolicyEvaluator(List.of(own), boundary), SUBJECT).analyse();
    }

    static List<String> ids(EscalationAnalysis.Verdict verdict) {
        return verdict.paths().stream().map(p -> p.path().id()).toList();
    }
}
