package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.taskdef.AccountLogMode;
import dev.ecsiamguard.core.taskdef.EcsAccountSettings;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;

/** Reads the effective ECS account settings with {@code ecs:ListAccountSettings} (one call). */
public final class EcsAccountSettingsReader implements EcsAccountSettings {

    static final String DEFAULT_LOG_DRIVER_MODE = "defaultLogDriverMode";

    private final EcsClient ecs;

    public EcsAccountSettingsReader(EcsClient ecs) {
        this.ecs = ecs;
    }

    /**
     * The effective setting; a refusal (no permission, a Region or endpoint without the setting) is not an error
     * of the validation: the rule then says the setting is unknown, and why.
     */
    @Override
    public AccountLogMode defaultLogDriverMode() {
        try {
            ListAccountSettingsResponse answer = ecs.listAccountSettings(r -> r.name(DEFAULT_LOG_DRIVER_MODE)
                    .effectiveSettings(true));
            return answer.settings().stream().filter(s -> DEFAULT_LOG_DRIVER_MODE.equals(s.nameAsString()))
                    .findFirst().map(s -> AccountLogMode.read(s.value()))
                    .orElse(AccountLogMode.unknown("ecs:ListAccountSettings returned no " + DEFAULT_LOG_DRIVER_MODE));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            return AccountLogMode.unknown("ecs:ListAccountSettings failed: " + code);
        }
    }
}
