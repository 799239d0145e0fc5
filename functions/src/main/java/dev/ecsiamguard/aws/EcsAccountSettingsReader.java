package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.taskdef.AccountLogMode;
import dev.ecsiamguard.core.taskdef.EcsAccountSettings;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;

/**
 * Reads the effective ECS account settings with {@code ecs:ListAccountSettings} (one call), at most once per
 * {@link #MAX_AGE} per reader: a validation function builds one reader per execution environment, so a warm
 * environment asks again only when its answer is five minutes old. Any answer of ECS is kept (also "no such
 * setting"); a refusal or failure of the call is not, so the next validation asks again.
 */
public final class EcsAccountSettingsReader implements EcsAccountSettings {

    static final String DEFAULT_LOG_DRIVER_MODE = "defaultLogDriverMode";
    private static final String FAILED = "ecs:ListAccountSettings failed: ";
    /** How long an answer is reused: a changed account setting is seen within this time. */
    public static final java.time.Duration MAX_AGE = java.time.Duration.ofMinutes(5);

    private final EcsClient ecs;
    private final ExpiringCache<String, AccountLogMode> answers;

    public EcsAccountSettingsReader(EcsClient ecs) {
        this(ecs, java.time.Clock.systemUTC());
    }

    EcsAccountSettingsReader(EcsClient ecs, java.time.Clock clock) {
        this.ecs = ecs;
        this.answers = EnvironmentCaches.register(new ExpiringCache<>(1, MAX_AGE, clock));
    }

    /**
     * The effective setting; a refusal (no permission, a Region or endpoint without the setting) is not an error
     * of the validation: the rule then says the setting is unknown, and why.
     */
    @Override
    public AccountLogMode defaultLogDriverMode() {
        return answers.get(DEFAULT_LOG_DRIVER_MODE, this::readDefaultLogDriverMode,
                mode -> !mode.unknownBecause().startsWith(FAILED));
    }

    private AccountLogMode readDefaultLogDriverMode() {
        try {
            ListAccountSettingsResponse answer = ecs.listAccountSettings(r -> r.name(DEFAULT_LOG_DRIVER_MODE)
                    .effectiveSettings(true));
            return answer.settings().stream().filter(s -> DEFAULT_LOG_DRIVER_MODE.equals(s.nameAsString()))
                    .findFirst().map(s -> AccountLogMode.read(s.value()))
                    .orElse(AccountLogMode.unknown("ecs:ListAccountSettings returned no " + DEFAULT_LOG_DRIVER_MODE));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            return AccountLogMode.unknown(FAILED + code);
        }
    }
}
