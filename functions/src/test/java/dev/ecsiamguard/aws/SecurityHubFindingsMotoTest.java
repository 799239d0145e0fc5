package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleMetadata;
import dev.ecsiamguard.core.Severity;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.testing.MotoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signed BatchImportFindings call against moto's Security Hub, batches of 100 included. */
class SecurityHubFindingsMotoTest {

    private static final RuleMetadata RULE = new RuleMetadata("TASK-ADMIN", Severity.CRITICAL,
            "Task role does not grant administrator access", "Remove it.");

    private final MotoServer moto = MotoServer.get();

    @BeforeEach
    void reset() {
        moto.reset();
    }

    @Test
    void importFindings_whenMoreThanOneBatch_importsEveryFinding() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            findings.add(Finding.of(RULE, "arn:aws:iam::123456789012:role/r" + i, "Task role r" + i + " is admin."));
        }
        SecurityHubFindings hub = new SecurityHubFindings(moto.settings());

        hub.importFindings(new Report("td", findings, List.of()), "123456789012", "us-east-1", Instant.now());

        String answer = hub.post("/findings", "{\"MaxResults\":100}");
        var imported = Json.parse(answer).field("Findings").orElseThrow().asArray();
        assertThat(imported).hasSize(100);
        assertThat(imported.get(0).field("GeneratorId").orElseThrow().asString()).isEqualTo("ecs-iam-guard/TASK-ADMIN");
        assertThat(Json.parse(answer).field("NextToken")).isPresent();
    }
}
