package dev.ecsiamguard.core.taskdef;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's ECS {@code defaultLogDriverMode} setting, or why it is not known. Since 2025-06-25 a container
 * whose log configuration sets no {@code mode} is non-blocking unless this setting says {@code blocking}.
 *
 * @param mode {@code blocking} or {@code non-blocking}, when read
 * @param unknownBecause why it could not be read, when {@code mode} is empty
 */
public record AccountLogMode(Optional<String> mode, String unknownBecause) {

    public AccountLogMode {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unknownBecause, "unknownBecause");
    }

    public static AccountLogMode read(String value) {
        return new AccountLogMode(Optional.of(value.strip().toLowerCase(Locale.ROOT)), "");
    }

    public static AccountLogMode unknown(String why) {
        return new AccountLogMode(Optional.empty(), why);
    }

    public boolean blocking() {
        return mode.map("blocking"::equals).orElse(false);
    }
}
