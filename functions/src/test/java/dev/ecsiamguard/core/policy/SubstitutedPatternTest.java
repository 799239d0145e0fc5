package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Patterns with policy variables: the Equals operators compare segment by segment without building the text, the
 * Like operators build it once; both must keep IAM's rules for missing, unresolved and multivalued variables.
 */
class SubstitutedPatternTest {

    private static final Request REQUEST = Request.of("s3:GetObject", "arn:aws:s3:::b/k")
            .with("aws:username", "Alice")
            .with("aws:PrincipalTag/team", "pay")
            .with("aws:TagKeys", "a")
            .with("k:two", "x", "y");

    @ParameterizedTest(name = "{0} against {1}, ignore case {2}: {3}")
    @CsvSource(delimiter = ';', value = {
        "${aws:username}-x; Alice-x; false; TRUE",
        "${aws:username}-x; Alice-y; false; FALSE",
        "${aws:username}-x; Alice-xx; false; FALSE",
        "${aws:username}-x; Alice; false; FALSE",
        "${aws:username}; ALICE; false; FALSE",
        "${aws:username}; ALICE; true; TRUE",
        "${AWS:UserName}/${aws:PrincipalTag/team}; Alice/pay; false; TRUE",
        "a-${aws:username}-${k:absent}; zzz; false; UNKNOWN",
        "${k:two}; x; false; FALSE",
        "${k:two, 'd'}; d; false; TRUE",
        "${aws:TagKeys}; a; false; FALSE",
        "${aws:TagKeys, 'd'}; d; false; TRUE",
        "${aws:username}${*}; Alice*; false; TRUE",
    })
    void literal_followsTheVariableRules(String pattern, String input, boolean ignoreCase, Tri expected) {
        KeyCollector missing = new KeyCollector();

        Tri result = Glob.literal(pattern, ignoreCase, true).matches(input, REQUEST, false, missing);

        assertThat(result).isEqualTo(expected);
        assertThat(missing.keys()).isEqualTo(expected == Tri.UNKNOWN ? Set.of("k:absent") : Set.of());
    }

    @Test
    void literal_withAnAbsentKeyInACompleteRequest_matchesNothingEvenAfterAMismatch() {
        Request complete = REQUEST.withCompleteContext();

        assertThat(Glob.literal("zz${k:absent}", false, true).matches("aa", complete, true, new KeyCollector()))
                .isEqualTo(Tri.FALSE);
        assertThat(Glob.literal("${k:absent, 'aa'}", false, true).matches("aa", complete, true, new KeyCollector()))
                .isEqualTo(Tri.TRUE);
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
        "${aws:username}*,   Alice-anything, TRUE",
        "home/${aws:username}/?, home/Alice/k, TRUE",
        "home/${aws:username}/?, home/Alice/kk, FALSE",
        "a*${aws:PrincipalTag/team}, abcpay, TRUE",
        "${k:two}*,          x,              FALSE",
    })
    void like_takesWildcardsOnlyFromThePolicyText(String pattern, String input, Tri expected) {
        assertThat(Glob.like(pattern, true).matches(input, REQUEST, false, new KeyCollector())).isEqualTo(expected);
    }

    @Test
    void like_neverTreatsASubstitutedWildcardAsOne() {
        Request request = Request.of("s3:GetObject", "*").with("aws:username", "a*");

        assertThat(Glob.like("${aws:username}", true).matches("a*", request, false, new KeyCollector()))
                .isEqualTo(Tri.TRUE);
        assertThat(Glob.like("${aws:username}", true).matches("abc", request, false, new KeyCollector()))
                .isEqualTo(Tri.FALSE);
    }

    /** The segment-by-segment comparison against the general matcher run on the substituted text. */
    @Test
    void literal_agreesWithTheGeneralMatcherOnTheSubstitutedText() {
        String[] pieces = {"a", "A", "\u0131", "I", "-", "*", ""};
        String[] values = {"alice", "ALICE", "\u0131", "i", "", "*a"};
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            String text = pieces[random.nextInt(pieces.length)];
            String value = values[random.nextInt(values.length)];
            String tail = pieces[random.nextInt(pieces.length)];
            String input = pieces[random.nextInt(pieces.length)] + values[random.nextInt(values.length)]
                    + pieces[random.nextInt(pieces.length)];
            boolean ignoreCase = random.nextBoolean();
            Request request = Request.of("s3:GetObject", "*").with("k:v", value);
            String substituted = text + value + tail;

            Tri fast = Glob.literal(text + "${k:v}" + tail, ignoreCase, true)
                    .matches(input, request, false, new KeyCollector());

            boolean general = Glob.globMatch(substituted.toCharArray(), new boolean[substituted.length()], input,
                    ignoreCase);
            assertThat(fast).as("%s vs %s (ignore case %s)", substituted, input, ignoreCase)
                    .isEqualTo(Tri.of(general));
        }
    }
}
