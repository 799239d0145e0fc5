package dev.ecsiamguard.app;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.provision.DesiredService;
import dev.ecsiamguard.core.provision.ServiceState;
import java.util.List;

/**
 * The extension point of `GET /services/{service}`: findings about a service's current roles beyond provisioning
 * drift. TODO(lead, after merging `validate`): plug the role rules in here (execution and task role checks over
 * the account RoleLookup, and the findings of the service's latest task definition revision).
 */
@FunctionalInterface
public interface ServiceFindings {

    /** No findings beyond drift: what the API reports until the role rules are merged. */
    ServiceFindings NONE = (desired, state) -> List.of();

    List<Finding> of(DesiredService desired, ServiceState state);
}
