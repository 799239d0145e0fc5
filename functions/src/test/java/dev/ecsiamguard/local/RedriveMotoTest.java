package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** `scripts/redrive` end to end on moto: dead letters in an SQS queue, replayed through the template's handlers. */
class RedriveMotoTest {

    private static final Path EVENTS = Path.of("..", "events");

    private final MotoServer moto = MotoServer.get();
    private final LocalAws aws = new LocalAws(moto);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private SqsClient sqs;
    private String queue;

    @BeforeEach
    void deployWithDeadLetters() throws Exception {
        moto.reset();
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of());
        // What a run that died halfway left behind: the log group, without its retention.
        aws.clients().logs().createLogGroup(r -> r.logGroupName("/ecs/dev/payments-api")
                .tags(Map.of("ManagedBy", "ecs-iam-guard", "Service", "payments-api", "Environment", "dev")));
        sqs = Redrive.sqsClient(moto.settings());
        queue = sqs.createQueue(r -> r.queueName("dead-letters")).queueUrl();
        deadLetter("cloudtrail/ecr-create-repository.json");
        deadLetter("invalid/ecr-create-repository-bad-name.json");
        deadLetter("invalid/not-cloudtrail.json");
    }

    @Test
    void run_replaysEachDeadLetterThroughItsFunctionAndDeletesTheAnsweredOnes() throws Exception {
        Redrive.Summary summary = redrive().run(queue, 100, false);

        assertThat(summary).isEqualTo(new Redrive.Summary(2, 0, 1));
        assertThat(summary.complete()).isFalse();
        assertThat(aws.clients().logs().describeLogGroups(r -> r.logGroupNamePrefix("/ecs/dev/payments-api"))
                .logGroups().get(0).retentionInDays()).isEqualTo(30);
        assertThat(aws.clients().iam().getRole(r -> r.roleName("ecs-payments-api-task-role")).role()).isNotNull();
        assertThat(messagesLeft()).isEqualTo(1);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("-> ProvisionOnRepositoryFunction: ok; deleted",
                "-> ProvisionOnRepositoryFunction: rejected (", "no function of the template matches this event; kept",
                "redriven 2, failed again 0, unmatched 1");
    }

    @Test
    void run_whenDryRun_changesNothingAndKeepsEveryMessage() throws Exception {
        Redrive.Summary summary = redrive().run(queue, 3, true);

        assertThat(summary).isEqualTo(new Redrive.Summary(0, 0, 1));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-> ProvisionOnRepositoryFunction (dry run)");
        assertThat(aws.clients().iam().listRoles().roles()).noneMatch(r -> r.roleName().startsWith("ecs-payments"));
        assertThat(messagesLeft()).isEqualTo(3);
    }

    private Redrive redrive() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of("..", "template.yaml"), Map.of(), "us-east-1");
        return new Redrive(template, moto.environment(), sqs, "123456789012",
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    // As EventBridge dead-letters an event it could not deliver: the event as the body, the error as attributes.
    private void deadLetter(String file) throws Exception {
        String body = Files.readString(EVENTS.resolve(file));
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body).messageAttributes(Map.of(
                "ERROR_CODE", MessageAttributeValue.builder().dataType("String").stringValue("SDK_CLIENT_ERROR")
                        .build())));
    }

    private int messagesLeft() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
