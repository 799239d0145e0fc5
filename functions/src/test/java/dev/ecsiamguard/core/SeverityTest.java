package dev.ecsiamguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

    @ParameterizedTest
    @CsvSource({"high, HIGH", "HIGH, HIGH", " Critical , CRITICAL", "Info, INFORMATIONAL",
        "informational, INFORMATIONAL", "low, LOW", "medium, MEDIUM"})
    void parse_whenKnownNameInAnyCase_returnsSeverity(String text, Severity expected) {
        assertThat(Severity.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"severe", "hi"})
    void parse_whenUnknown_rejectsListingValues(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Severity.parse(text))
                .withMessageContaining("unknown severity").withMessageContaining("CRITICAL");
    }

    @Test
    void atLeast_always_followsDeclaredOrder() {
        assertThat(Severity.HIGH.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.MEDIUM.atLeast(Severity.HIGH)).isFalse();
        assertThat(Severity.INFORMATIONAL.atLeast(Severity.LOW)).isFalse();
    }
}
