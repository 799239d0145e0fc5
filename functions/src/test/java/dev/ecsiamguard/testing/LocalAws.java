package dev.ecsiamguard.testing;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.DynamoDbServiceSpecStore;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Test fixtures on moto: what `sam deploy` and the user would have created before an event arrives. */
public final class LocalAws {

    public static final String BUS = "ecs-iam-guard";

    private final MotoServer moto;
    private final AwsClients clients;
    private final SqsClient sqs;
    private String queueUrl;

    public LocalAws(MotoServer moto) {
        this.moto = moto;
        this.clients = new AwsClients(moto.settings());
        this.sqs = SqsClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .endpointOverride(moto.endpoint()).credentialsProvider(moto.settings().credentials()).build();
    }

    public AwsClients clients() {
        return clients;
    }

    /**
     * The application's bus, a rule that copies everything published on it to a queue tests can read, and the
     * spec table.
     */
    public void deployApplicationBus() {
        EventBridgeClient events = clients.eventBridge();
        events.createEventBus(r -> r.name(BUS));
        queueUrl = sqs.createQueue(r -> r.queueName("published-events")).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(r -> r.name("capture-all").eventBusName(BUS).eventPattern("{\"source\":[\"ecs-iam-guard\"]}"));
        events.putTargets(r -> r.rule("capture-all").eventBusName(BUS).targets(t -> t.id("queue").arn(queueArn)));
        deploySpecTable("us-east-1");
    }

    /** The service spec table, as the stack that owns it creates it (key `id`, on-demand capacity). */
    public void deploySpecTable(String region) {
        clients.dynamoDb(software.amazon.awssdk.regions.Region.of(region)).createTable(r -> r
                .tableName(DynamoDbServiceSpecStore.DEFAULT_TABLE)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    public List<String> publishedEvents() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(0)).messages();
        messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages.stream().map(Message::body).toList();
    }

    public void createRepository(String name, Map<String, String> tags) {
        EcrClient ecr = clients.ecr();
        ecr.createRepository(r -> r.repositoryName(name).tags(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    }

    public MotoServer moto() {
        return moto;
    }
}
