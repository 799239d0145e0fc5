package dev.ecsiamguard.core.provision;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Rule;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import java.util.List;

/** PROV-UNMANAGED-001: what provisioning found and only reports (it never changes what it did not write). */
final class NothingUnmanagedAdded implements Rule<DriftFindings.Subject> {

    static final RuleMetadata METADATA = new RuleMetadata("PROV-UNMANAGED-001", Severity.LOW,
            "Service resources carry nothing ecs-iam-guard did not write",
            "Review the reported item; ecs-iam-guard reports it but never changes it.");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(DriftFindings.Subject s) {
        return s.plan().notes().stream().map(n -> Finding.of(METADATA, n.resource(), n.message())).toList();
    }
}
