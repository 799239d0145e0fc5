package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A malformed ROLE_CACHE_SECONDS stops the function at init with the value named, before any client is used. */
class RoleCacheSettingTest {

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3601", "five", "1.5"})
    void outOfRangeOrNotANumber_isRefusedWithTheValue(String value) {
        assertThatThrownBy(() -> RoleCache.fromEnvironment(Map.of("ROLE_CACHE_SECONDS", value,
                "ROLE_USAGE_TABLE", "t"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROLE_CACHE_SECONDS is `" + value + "`")
                .hasMessageContaining("expected 0 to 3600");
    }
}
