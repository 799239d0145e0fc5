package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.event.InvalidEventException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedTest {

    private static final String HUGE = "a".repeat(1_048_576);

    @Test
    void cut_whenLonger_keepsThePrefixAndSaysHowMuchWasLeftOut() {
        assertThat(Bounded.cut("abcdef", 3)).isEqualTo("abc…[3 more characters]");
        assertThat(Bounded.cut("abc", 3)).isEqualTo("abc");
        assertThat(Bounded.cut(null, 3)).isEmpty();
    }

    @Test
    void cut_neverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDE00cd";

        assertThat(Bounded.cut(text, 3)).isEqualTo("ab…[4 more characters]");
    }

    @Test
    void message_shortensEachLongQuotedValueButKeepsTheExplanation() {
        String message = Bounded.message("repository name `" + HUGE + "` cannot become a role name: too long");

        assertThat(message).hasSizeLessThan(Bounded.MESSAGE + 40)
                .contains("…[" + (HUGE.length() - Bounded.VALUE) + " more characters]`")
                .endsWith("cannot become a role name: too long");
    }

    @Test
    void message_whenUnquotedTextIsHuge_capsTheWhole() {
        assertThat(Bounded.message(HUGE)).hasSizeLessThan(Bounded.MESSAGE + 40).endsWith("more characters]");
    }

    @Test
    void exceptionsAndFindings_areBoundedWhereverTheyAreBuilt() {
        assertThat(new InvalidEventException("role `" + HUGE + "` is invalid").getMessage())
                .hasSizeLessThan(Bounded.VALUE + 80);
        RuleMetadata rule = new RuleMetadata("TD-IMAGE-PINNED", Severity.LOW, "t", "r");
        Finding finding = new Finding(rule, Severity.LOW, HUGE, "image `" + HUGE + "` is not pinned", HUGE);

        assertThat(finding.resourceArn()).hasSizeLessThan(Finding.MAX_ARN + 40);
        assertThat(finding.message()).hasSizeLessThan(Bounded.VALUE + 80);
        assertThat(finding.fix()).hasSizeLessThan(Bounded.FIX + 40);
    }

    @Test
    void deep_boundsEveryStringInMapsAndLists() {
        Object bounded = Bounded.deep(Map.of("a", List.of(HUGE, 3), "b", Map.of(HUGE, "x")), 10);

        assertThat(bounded.toString()).hasSizeLessThan(200).contains("3", "x");
    }
}
