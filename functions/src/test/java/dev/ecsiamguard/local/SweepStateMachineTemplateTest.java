package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the sweep state machine in `template.yaml` promises: list, a Distributed Map reading the listed items from
 * S3 in batches under a low concurrency, a report step, and retry and catch on every task.
 */
class SweepStateMachineTemplateTest {

    private final SamTemplate template = load();
    private final Map<String, Object> definition = SamTemplate.map(
            template.properties("SweepStateMachine").get("Definition"));

    @Test
    void states_listThenMapThenReport() {
        Map<String, Object> states = SamTemplate.map(definition.get("States"));

        assertThat(definition.get("StartAt")).isEqualTo("ListItems");
        assertThat(states.keySet()).containsExactlyInAnyOrder("ListItems", "JudgeItems", "WriteReport",
                "ReportFailed");
        assertThat(state("ListItems").get("Next")).isEqualTo("JudgeItems");
        assertThat(state("JudgeItems").get("Next")).isEqualTo("WriteReport");
        assertThat(state("WriteReport").get("End")).isEqualTo(true);
        assertThat(SamTemplate.map(state("ListItems").get("Parameters")).get("Payload"))
                .isEqualTo(Map.of("step", "list", "scanId.$", "$$.Execution.Name"));
        Map<String, Object> report = SamTemplate.map(SamTemplate.map(state("WriteReport").get("Parameters"))
                .get("Payload"));
        assertThat(report).containsEntry("step", "report").containsEntry("state.$", "$");
    }

    @Test
    void map_isDistributedReadsTheListedItemsFromS3InBatchesUnderALowConcurrency() {
        Map<String, Object> map = state("JudgeItems");
        Map<String, Object> reader = SamTemplate.map(map.get("ItemReader"));
        Map<String, Object> batcher = SamTemplate.map(map.get("ItemBatcher"));
        Map<String, Object> processor = SamTemplate.map(map.get("ItemProcessor"));

        assertThat(map.get("Type")).isEqualTo("Map");
        assertThat(SamTemplate.map(processor.get("ProcessorConfig"))).containsEntry("Mode", "DISTRIBUTED");
        assertThat(reader.get("Resource")).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(SamTemplate.map(reader.get("ReaderConfig"))).containsEntry("InputType", "JSON");
        // the list step's output names the object: ResultSelector keeps exactly what the reader reads
        assertThat(SamTemplate.map(reader.get("Parameters"))).containsEntry("Bucket.$", "$.bucket")
                .containsEntry("Key.$", "$.itemsKey");
        assertThat(SamTemplate.map(state("ListItems").get("ResultSelector"))).containsEntry("bucket.$",
                "$.Payload.bucket").containsEntry("itemsKey.$", "$.Payload.itemsKey");
        assertThat((Integer) batcher.get("MaxItemsPerBatch")).isBetween(10, 100);
        assertThat(SamTemplate.map(batcher.get("BatchInput"))).containsEntry("scanId.$", "$$.Execution.Name");
        assertThat((Integer) map.get("MaxConcurrency")).isBetween(1, 4);
        // a batch that fails is caught inside the child; the report turns its items into errors
        assertThat(map.get("ToleratedFailurePercentage")).isEqualTo(100);
        assertThat(SamTemplate.map(map.get("ResultWriter")).get("Resource")).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(map.get("ResultPath")).isEqualTo("$.map");
        Map<String, Object> judge = SamTemplate.map(SamTemplate.map(processor.get("States")).get("JudgeBatch"));
        assertThat(SamTemplate.map(judge.get("Parameters"))).containsEntry("Payload.$", "$")
                .containsEntry("FunctionName", "${SweepFunctionArn}");
    }

    @Test
    void everyTaskAndTheMap_retryAndCatchEverything() {
        List<Map<String, Object>> tasks = new ArrayList<>();
        collectTasks(SamTemplate.map(definition.get("States")), tasks);

        assertThat(tasks).hasSize(4);  // ListItems, JudgeItems, JudgeBatch, WriteReport
        for (Map<String, Object> task : tasks) {
            List<?> retry = (List<?>) task.get("Retry");
            List<?> catchers = (List<?>) task.get("Catch");
            assertThat(retry).as(task.toString()).isNotEmpty();
            assertThat(catchers).as(task.toString()).anyMatch(c -> ((List<?>) SamTemplate.map(c).get("ErrorEquals"))
                    .contains("States.ALL"));
            if ("Task".equals(task.get("Type"))) {
                assertThat(retry).anyMatch(r -> ((List<?>) SamTemplate.map(r).get("ErrorEquals"))
                        .contains("Lambda.TooManyRequestsException"));
            }
        }
    }

    @Test
    void triggers_aDailyScheduleByDefaultAndTheApi() {
        Map<String, Object> schedule = SamTemplate.map(SamTemplate.map(SamTemplate.map(
                template.properties("SweepStateMachine").get("Events")).get("Daily")));
        Map<String, Object> parameters = SamTemplate.map(template.raw().get("Parameters"));

        assertThat(schedule.get("Type")).isEqualTo("ScheduleV2");
        assertThat(SamTemplate.map(schedule.get("Properties")).get("ScheduleExpression"))
                .isEqualTo(Map.of("Ref", "SweepSchedule"));
        assertThat(SamTemplate.map(parameters.get("SweepSchedule")).get("Default")).isEqualTo("rate(1 day)");
        assertThat(template.function("ApiFunction").environment()).containsKeys("STATE_MACHINE_ARN", "SWEEP_BUCKET");
        assertThat(template.apiEvents("ApiFunction")).extracting(e -> e.method() + " " + e.path())
                .contains("POST /scans", "GET /scans/{id}");
    }

    private Map<String, Object> state(String name) {
        return SamTemplate.map(SamTemplate.map(definition.get("States")).get(name));
    }

    private static void collectTasks(Map<String, Object> states, List<Map<String, Object>> into) {
        for (Object value : states.values()) {
            Map<String, Object> state = SamTemplate.map(value);
            if ("Task".equals(state.get("Type")) || "Map".equals(state.get("Type"))) {
                into.add(state);
            }
            if (state.get("ItemProcessor") != null) {
                collectTasks(SamTemplate.map(SamTemplate.map(state.get("ItemProcessor")).get("States")), into);
            }
        }
    }

    private static SamTemplate load() {
        try {
            return SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
