package dev.ecsiamguard.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients the same way everywhere: explicit region, one shared URLConnection HTTP client,
 * endpoint overrides from {@link AwsSettings}. Built once per execution environment, then reused.
 */
public final class AwsClients {

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final CallCounter calls = new CallCounter();
    // Clients are thread-safe and costly to build: one of each per execution environment, built on first use.
    private final java.util.Map<String, SdkClient> built = new java.util.concurrent.ConcurrentHashMap<>();

    // 0: the SDK's default retry strategy; more for long read-only runs (the sweep) that must absorb throttling.
    private final int maxAttempts;

    public AwsClients(AwsSettings settings) {
        this(settings, UrlConnectionHttpClient.builder().build(), 0);
    }

    /** With the SDK's standard retry strategy allowed {@code maxAttempts} attempts per call. */
    public AwsClients(AwsSettings settings, int maxAttempts) {
        this(settings, UrlConnectionHttpClient.builder().build(), maxAttempts);
    }

    /** With another transport: SnapStart priming answers every request in memory ({@link PrimingHttpClient}). */
    public AwsClients(AwsSettings settings, SdkHttpClient http) {
        this(settings, http, 0);
    }

    private AwsClients(AwsSettings settings, SdkHttpClient http, int maxAttempts) {
        this.settings = settings;
        this.http = http;
        this.maxAttempts = maxAttempts;
    }

    /** AWS calls made so far by every client built here. */
    public long callCount() {
        return calls.count();
    }

    public AwsSettings settings() {
        return settings;
    }

    public IamClient iam() {
        return once("iam", () -> configure(IamClient.builder(), "iam").region(settings.iamRegion()).build());
    }

    public EcsClient ecs() {
        return once("ecs", () -> configure(EcsClient.builder(), "ecs").build());
    }

    public EcrClient ecr() {
        return once("ecr", () -> configure(EcrClient.builder(), "ecr").build());
    }

    public CloudWatchLogsClient logs() {
        return once("logs", () -> configure(CloudWatchLogsClient.builder(), "cloudwatch_logs").build());
    }

    public StsClient sts() {
        return once("sts", () -> configure(StsClient.builder(), "sts").build());
    }

    /** The account the credentials belong to (`AWS_ACCOUNT_ID` when set, else STS GetCallerIdentity). */
    public String accountId(java.util.Map<String, String> env) {
        String configured = env.get("AWS_ACCOUNT_ID");
        if (configured != null && configured.matches("\\d{12}")) {
            return configured;
        }
        return sts().getCallerIdentity().account();
    }

    /** DynamoDB in the given region: the spec table lives in one region for every regional stack. */
    public DynamoDbClient dynamoDb(Region region) {
        return once("dynamodb:" + region.id(), () -> configure(DynamoDbClient.builder(), "dynamodb").region(region)
                .build());
    }

    /** DynamoDB in the stack's own region (the role-usage index). */
    public DynamoDbClient dynamoDb() {
        return once("dynamodb", () -> configure(DynamoDbClient.builder(),
                "dynamodb").build());
    }

    /** Path-style addressing when an endpoint is overridden (a local S3 such as moto has no bucket subdomains). */
    public software.amazon.awssdk.services.s3.S3Client s3() {
        return once("s3", () -> configure(software.amazon.awssdk.services.s3.S3Client.builder(), "s3")
                .forcePathStyle(settings.endpointFor("s3").isPresent()).build());
    }

    public software.amazon.awssdk.services.sfn.SfnClient sfn() {
        return once("sfn", () -> configure(software.amazon.awssdk.services.sfn.SfnClient.builder(), "sfn").build());
    }

    /** Remediation reads the KMS key of a secret it grants (DescribeSecret). */
    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return once("secretsmanager", () -> configure(software.amazon.awssdk.services.secretsmanager
                .SecretsManagerClient.builder(), "secrets_manager").build());
    }

    /** ... and resolves an alias or key id to its key (DescribeKey). */
    public software.amazon.awssdk.services.kms.KmsClient kms() {
        return once("kms", () -> configure(software.amazon.awssdk.services.kms.KmsClient.builder(), "kms").build());
    }

    /** The shared HTTP client, for the one API called without an SDK module (Organizations). */
    public SdkHttpClient http() {
        return http;
    }

    public EventBridgeClient eventBridge() {
        return once("eventbridge", () -> configure(EventBridgeClient.builder(), "eventbridge").build());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C once(String key, java.util.function.Supplier<C> build) {
        return (C) built.computeIfAbsent(key, k -> build.get());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String serviceKey) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        override.addExecutionInterceptor(calls);
        settings.interceptors().forEach(override::addExecutionInterceptor);
        if (maxAttempts > 0) {
            override.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy()
                    .toBuilder().maxAttempts(maxAttempts).build());
        }
        builder.region(settings.region())
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(override.build())
                .httpClient(http);
        Optional<URI> endpoint = settings.endpointFor(serviceKey);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
