package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.ArrayList;
import java.util.List;

/** PROV-DRIFT-001: each write provisioning would make now is a difference from what it provisions. */
final class ProvisionedResourcesMatch implements Rule<DriftFindings.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("PROV-DRIFT-001", Severity.MEDIUM,
            "Service resources match what ecs-iam-guard provisions",
            "Provision the service again (POST /services/{service}/roles) to apply the change.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DriftFindings.Subject s) {
        List<Finding> findings = new ArrayList<>();
        for (Change change : s.plan().changes()) {
            findings.add(Finding.of(METADATA, DriftFindings.resourceArn(change, s.desired(), s.state(), s.scope()),
                    "Provisioning would " + change.summary() + "."));
        }
        return findings;
    }
}
