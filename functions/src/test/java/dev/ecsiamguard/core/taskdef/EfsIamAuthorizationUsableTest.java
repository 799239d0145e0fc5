package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static dev.ecsiamguard.core.taskdef.TaskDefs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.catalog.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfsIamAuthorizationUsableTest {

    private final EfsIamAuthorizationUsable rule = new EfsIamAuthorizationUsable();

    @Test
    void check_whenIamWithTransitAndTaskRole_passes() {
        Volume efs = new Volume("data", null, new Volume.EfsVolume("fs-1", null, "ENABLED", "ENABLED", "fsap-1"));

        assertThat(check(rule, td().volume(efs).build())).isEmpty();
    }

    @Test
    void check_whenEfsWithoutIamOrAccessPoint_passes() {
        Volume efs = new Volume("data", null, new Volume.EfsVolume("fs-1", "/data", null, null, null));

        assertThat(check(rule, td().volume(efs).build())).isEmpty();
    }

    @Test
    void check_whenIamWithoutTransitTaskRoleAndWithRootDirectory_reportsEachProblem() {
        Volume efs = new Volume("data", null, new Volume.EfsVolume("fs-1", "/data", "DISABLED", "ENABLED", "fsap-1"));

        List<Finding> findings = check(rule, td().taskRole(null).volume(efs).build());

        assertThat(findings).extracting(Finding::message).containsExactly(
                "Task definition web-app:3: EFS volume data uses IAM authorization without transit encryption.",
                "Task definition web-app:3: EFS volume data uses IAM authorization but the task has no task role.",
                "Task definition web-app:3: EFS volume data uses an access point with rootDirectory /data.");
        assertThat(findings.get(1).fix()).contains("fs-1");
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-EFS-IAM-NEEDS-TASKROLE")).containsSame(rule.metadata());
    }
}
