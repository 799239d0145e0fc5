package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {

    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret");

    @Test
    void endpointFor_whenServiceSpecificAndCommonSet_prefersServiceSpecific() {
        AwsSettings settings = AwsSettings.fromEnvironment(with(Map.of("AWS_ENDPOINT_URL", "http://localhost:5000",
                "AWS_ENDPOINT_URL_IAM", " http://localhost:5001 ", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
                "http://localhost:5002")));

        assertThat(settings.endpointFor("iam")).contains(URI.create("http://localhost:5001"));
        assertThat(settings.endpointFor("cloudwatch_logs")).contains(URI.create("http://localhost:5002"));
        assertThat(settings.endpointFor("ecs")).contains(URI.create("http://localhost:5000"));
    }

    @Test
    void endpointFor_whenOnlyServiceSpecificSet_leavesOtherServicesOnAws() {
        AwsSettings settings = AwsSettings.fromEnvironment(with(Map.of("AWS_ENDPOINT_URL_ECS", "http://ecs.local",
                "AWS_ENDPOINT_URL", " ")));

        assertThat(settings.endpointFor("ecs")).contains(URI.create("http://ecs.local"));
        assertThat(settings.endpointFor("iam")).isEmpty();
    }

    @Test
    void fromEnvironment_whenNoRegion_defaultsToUsEast1() {
        assertThat(AwsSettings.fromEnvironment(KEYS).region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void fromEnvironment_whenBothRegionVariablesSet_prefersAwsRegion() {
        assertThat(AwsSettings.fromEnvironment(with(Map.of("AWS_DEFAULT_REGION", "eu-west-1"))).region())
                .isEqualTo(Region.EU_WEST_1);
        assertThat(AwsSettings.fromEnvironment(with(Map.of("AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_REGION", "ap-southeast-2"))).region()).isEqualTo(Region.AP_SOUTHEAST_2);
    }

    @ParameterizedTest
    @CsvSource({"cn-north-1, aws-cn-global", "cn-northwest-1, aws-cn-global", "us-gov-west-1, aws-us-gov-global",
        "us-east-1, aws-global", "eu-central-1, aws-global"})
    void iamRegion_always_isThePartitionsGlobalRegion(String region, String iamRegion) {
        assertThat(AwsSettings.fromEnvironment(with(Map.of("AWS_REGION", region))).iamRegion())
                .isEqualTo(Region.of(iamRegion));
    }

    @Test
    void fromEnvironment_whenKeysAndTokenSet_usesThemAsSessionCredentials() {
        AwsCredentials credentials = AwsSettings.fromEnvironment(with(Map.of("AWS_SESSION_TOKEN", "token")))
                .credentials().resolveCredentials();

        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("token");
    }

    @Test
    void withInterceptor_always_returnsCopyWithInterceptorAppended() {
        AwsSettings settings = AwsSettings.fromEnvironment(KEYS);
        ExecutionInterceptor interceptor = new ExecutionInterceptor() {
        };

        AwsSettings extended = settings.withInterceptor(interceptor);

        assertThat(extended.interceptors()).containsExactly(interceptor);
        assertThat(settings.interceptors()).isEmpty();
        assertThat(extended.region()).isEqualTo(settings.region());
    }

    private static Map<String, String> with(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(KEYS);
        env.putAll(extra);
        return env;
    }
}
