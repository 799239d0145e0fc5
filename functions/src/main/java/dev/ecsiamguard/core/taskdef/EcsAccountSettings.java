package dev.ecsiamguard.core.taskdef;

/** Port to the ECS account settings the content rules depend on; an adapter in {@code aws} reads them. */
@FunctionalInterface
public interface EcsAccountSettings {

    /** The effective {@code defaultLogDriverMode} of the caller's account, or why it could not be read. */
    AccountLogMode defaultLogDriverMode();
}
