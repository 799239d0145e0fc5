package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template alarms on the dead-letter queue's depth, so a stuck event is noticed and redriven. */
class DeadLetterAlarmTemplateTest {

    @Test
    @SuppressWarnings("unchecked")
    void template_alarmsAsSoonAsTheDeadLetterQueueHoldsAMessage() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1");
        Map<String, Object> resources = (Map<String, Object>) template.raw().get("Resources");
        Map<String, Object> alarm = (Map<String, Object>) resources.get("DeadLetterQueueAlarm");

        assertThat(alarm.get("Type")).isEqualTo("AWS::CloudWatch::Alarm");
        Map<String, Object> properties = (Map<String, Object>) alarm.get("Properties");
        assertThat(properties).containsEntry("Namespace", "AWS/SQS")
                .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");
        assertThat(((Number) properties.get("Threshold")).intValue()).isZero();
        Map<String, Object> dimension = ((List<Map<String, Object>>) properties.get("Dimensions")).get(0);
        assertThat(dimension.get("Name")).isEqualTo("QueueName");
        assertThat(String.valueOf(dimension.get("Value"))).contains("DeadLetterQueue");
    }
}
