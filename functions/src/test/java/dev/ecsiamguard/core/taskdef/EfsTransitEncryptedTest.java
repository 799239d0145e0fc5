package dev.ecsiamguard.core.taskdef;

import static dev.ecsiamguard.core.taskdef.TaskDefs.check;
import static dev.ecsiamguard.core.taskdef.TaskDefs.td;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.catalog.RuleCatalog;
import org.junit.jupiter.api.Test;

class EfsTransitEncryptedTest {

    private final EfsTransitEncrypted rule = new EfsTransitEncrypted();

    @Test
    void check_whenTransitEncryptionEnabled_passes() {
        Volume efs = new Volume("data", null, new Volume.EfsVolume("fs-1", null, "ENABLED", null, null));

        assertThat(check(rule, td().volume(efs).build())).isEmpty();
    }

    @Test
    void check_whenTransitEncryptionUnset_reportsVolume() {
        Volume efs = new Volume("data", null, new Volume.EfsVolume("fs-1", "/", null, null, null));

        assertThat(check(rule, td().volume(efs).build())).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Task definition web-app:3 mounts EFS volume data without encryption "
                    + "in transit.");
            assertThat(f.fix()).contains("\"transitEncryption\": \"ENABLED\"").contains("volume data");
        });
    }

    @Test
    void metadata_isTheCatalogueEntry() {
        assertThat(RuleCatalog.byId("TD-EFS-TRANSIT")).containsSame(rule.metadata());
    }
}
