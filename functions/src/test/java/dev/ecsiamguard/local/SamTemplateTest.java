package dev.ecsiamguard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private static final Path TEMPLATE = Path.of("../template.yaml");
    private static final String FUNCTION = "ProvisionOnRepositoryFunction";

    @Test
    void functionIds_always_listsOnlyServerlessFunctions() throws IOException {
        assertThat(load(Map.of()).functionIds()).contains(FUNCTION, "ApiFunction")
                .doesNotContain("Api", "EventBus", "DeadLetterQueue");
    }

    @Test
    void function_whenProvisioningFunction_resolvesHandlerToAnExistingRequestHandler() throws Exception {
        SamTemplate.Function function = load(Map.of()).function(FUNCTION);

        Class<?> handler = Class.forName(function.handler().split("::")[0]);
        assertThat(RequestHandler.class).isAssignableFrom(handler);
        assertThat(function.memoryMb()).isEqualTo(1024);
        assertThat(function.timeoutSeconds()).isEqualTo(120);
    }

    @Test
    void function_whenParameterDefaults_resolvesIntrinsicsInEnvironment() throws IOException {
        Map<String, String> env = load(Map.of()).function(FUNCTION).environment();

        assertThat(env).containsEntry("CLUSTER_NAME", "ecs-dev")
                .containsEntry("EVENT_BUS_NAME", "ecs-iam-guard")
                .containsEntry("NAME_PREFIX", "ecs")
                .containsEntry("ROLE_PATH", "/ecs-iam-guard/")
                .containsEntry("LOG_RETENTION_DAYS", "30")
                .containsEntry("PERMISSIONS_BOUNDARY_ARN", "")
                .containsKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void function_whenParameterDefaults_agreesWithTheCodesOwnDefaults() throws IOException {
        Map<String, String> env = load(Map.of()).function(FUNCTION).environment();

        assertThat(ProvisioningConfig.fromEnvironment(env)).isEqualTo(ProvisioningConfig.fromEnvironment(Map.of()));
    }

    @Test
    void function_whenParametersOverridden_appliesThem() throws IOException {
        Map<String, String> explicit = load(Map.of("ClusterName", "x", "EventBusName", "other-bus"))
                .function(FUNCTION).environment();
        Map<String, String> derived = load(Map.of("NamePrefix", "acme", "Environment", "prod"))
                .function(FUNCTION).environment();

        assertThat(explicit).containsEntry("CLUSTER_NAME", "x").containsEntry("EVENT_BUS_NAME", "other-bus");
        assertThat(derived).containsEntry("CLUSTER_NAME", "acme-prod").containsEntry("ENVIRONMENT", "prod");
    }

    @Test
    void load_whenParameterUnknown_rejects() {
        assertThatIllegalArgumentException().isThrownBy(() -> load(Map.of("NoSuchParameter", "x")))
                .withMessageContaining("NoSuchParameter");
    }

    @Test
    void function_whenIdIsNotAFunction_rejectsListingFunctions() throws IOException {
        SamTemplate template = load(Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> template.function("EventBus"))
                .withMessageContaining("EventBus").withMessageContaining(FUNCTION);
        assertThatIllegalArgumentException().isThrownBy(() -> template.function("Nope"))
                .withMessageContaining("Nope").withMessageContaining(FUNCTION);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventPatterns_whenProvisioningFunction_matchesCreateRepositoryCalls() throws IOException {
        List<Map<String, Object>> patterns = load(Map.of()).eventPatterns(FUNCTION);

        assertThat(patterns).containsExactly(Map.of(
                "source", List.of("aws.ecr"),
                "detail-type", List.of("AWS API Call via CloudTrail"),
                "detail", Map.of("eventSource", List.of("ecr.amazonaws.com"),
                        "eventName", List.of("CreateRepository"),
                        "errorCode", List.of(Map.of("exists", false)))));
        ScheduledEvent sample = EventLoader.loadScheduledEvent("events/cloudtrail/ecr-create-repository.json");
        Map<String, Object> pattern = patterns.get(0);
        assertThat((List<Object>) pattern.get("source")).contains(sample.getSource());
        assertThat((List<Object>) pattern.get("detail-type")).contains(sample.getDetailType());
    }

    @Test
    void load_whenFileIsNotAMapping_rejects(@TempDir Path dir) throws IOException {
        Path notTemplate = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");

        assertThatIllegalArgumentException().isThrownBy(() -> SamTemplate.load(notTemplate, Map.of(), "us-east-1"))
                .withMessageContaining("not a template");
    }

    private static SamTemplate load(Map<String, String> overrides) throws IOException {
        return SamTemplate.load(TEMPLATE, overrides, "eu-west-1");
    }
}
