package dev.ecsiamguard.aws;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom the SDK clients talk: region, optional endpoint per service (the standard
 * `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` variables, so a local moto server works like an account),
 * credentials, and extra interceptors (tests count calls with them).
 */
public record AwsSettings(Region region, Map<String, URI> endpoints, Optional<URI> defaultEndpoint,
                          AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors) {

    public AwsSettings {
        endpoints = Map.copyOf(endpoints);
        interceptors = List.copyOf(interceptors);
    }

    /** Reads the standard AWS variables from an environment map (Lambda sets the same ones). */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        String regionName = regionName(env);
        Map<String, URI> endpoints = new java.util.HashMap<>();
        for (String service : List.of("IAM", "ECS", "ECR", "CLOUDWATCH_LOGS", "EVENTBRIDGE", "STS", "SECURITYHUB",
                "DYNAMODB", "S3", "SFN", "ORGANIZATIONS")) {
            String value = env.get("AWS_ENDPOINT_URL_" + service);
            if (value != null && !value.isBlank()) {
                endpoints.put(service.toLowerCase(Locale.ROOT), URI.create(value.trim()));
            }
        }
        String common = env.get("AWS_ENDPOINT_URL");
        Optional<URI> defaultEndpoint = common == null || common.isBlank()
                ? Optional.empty() : Optional.of(URI.create(common.trim()));
        return new AwsSettings(Region.of(regionName), endpoints, defaultEndpoint, credentialsFrom(env), List.of());
    }

    /** The region's id from the environment alone (no SDK class is loaded: handlers read it on the main thread). */
    public static String regionName(Map<String, String> env) {
        return firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
    }

    public AwsSettings withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(interceptors);
        all.add(interceptor);
        return new AwsSettings(region, endpoints, defaultEndpoint, credentials, all);
    }

    /** The endpoint override for a service key such as `iam` or `cloudwatch_logs`, if any. */
    public Optional<URI> endpointFor(String serviceKey) {
        URI specific = endpoints.get(serviceKey);
        return specific != null ? Optional.of(specific) : defaultEndpoint;
    }

    /** IAM is global: it signs for the partition's global region, not the function's. */
    public Region iamRegion() {
        String id = region.id();
        if (id.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        if (id.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }

    // Static credentials from the environment skip the default chain's class loading (Lambda sets all three).
    private static AwsCredentialsProvider credentialsFrom(Map<String, String> env) {
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null || token.isBlank()
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, token));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        throw new IllegalStateException("no value");
    }
}
