package dev.ecsiamguard.app;

/**
 * Provisioning kept finding new work after every round: someone else is changing the same resources. The
 * event path lets EventBridge retry it; the API answers 409.
 */
public final class ProvisioningConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ProvisioningConflictException(String message) {
        super(message);
    }
}
