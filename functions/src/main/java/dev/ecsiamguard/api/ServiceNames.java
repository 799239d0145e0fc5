package dev.ecsiamguard.api;

import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceIdentity;

/** Checks a service name from a request up front, so a name that cannot become role names never reaches AWS. */
public final class ServiceNames {

    private ServiceNames() {
    }

    public static String require(String value, String field, ProvisioningConfig config) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        try {
            return ServiceIdentity.forService(value, value, config).service();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, e.getMessage());
        }
    }
}
