package dev.ecsiamguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming drives every handler end to end without one AWS call: the function's configured endpoint is
 * a loopback listener that counts every request it receives, and it receives none (so certainly no write).
 */
class PrimingTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer listener;
    private Map<String, String> env;

    @BeforeEach
    void listen() throws Exception {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        listener.start();
        env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "real-looking",
                "AWS_SECRET_ACCESS_KEY", "real-looking", "AWS_ENDPOINT_URL",
                "http://127.0.0.1:" + listener.getAddress().getPort(), "MODE", "enforce",
                "DEREGISTER_NONCOMPLIANT", "true", "SECURITY_HUB_ENABLED", "true", "ROLE_USAGE_TABLE", "role-usage",
                "PERMISSIONS_BOUNDARY_ARN", "arn:aws:iam::111122223333:policy/boundary",
                "GITHUB_DEPLOYMENTS", "[{\"service\":\"payments-api\",\"repository\":\"acme/payments-api\","
                        + "\"branches\":[\"main\"]}]"));
    }

    @AfterEach
    void stop() {
        listener.stop(0);
    }

    @Test
    void priming_everyHandler_makesNoAwsCallAtAll() {
        List<String> provisioning = HandlerPriming.provisioning(env);
        List<String> validation = HandlerPriming.validation(env);
        List<String> gitHub = HandlerPriming.gitHub(env);
        List<String> api = HandlerPriming.api(env);

        assertThat(received).isEmpty();
        // ... although the whole path ran, writes included, against the in-memory account
        assertThat(provisioning).contains("ecr:ListTagsForResource", "iam:CreateRole", "iam:PutRolePolicy",
                "logs:CreateLogGroup", "ecs:CreateCluster", "ecs:DescribeClusters", "events:PutEvents");
        assertThat(provisioning.stream().filter(op -> op.equals("iam:CreateRole"))).hasSize(2);
        assertThat(validation).contains("ecs:DescribeTaskDefinition", "dynamodb:BatchGetItem", "iam:GetRole",
                "iam:GetRolePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "events:PutEvents");
        // the second validation meets ECS refusing the account setting: the JSON protocols' error path
        assertThat(validation.stream().filter(op -> op.equals("ecs:ListAccountSettings"))).hasSize(2);
        assertThat(provisioning).contains("dynamodb:BatchGetItem");  // the role cache's change markers
        assertThat(gitHub).contains("iam:CreateOpenIDConnectProvider", "iam:CreateRole", "iam:GetRole",
                "events:PutEvents");
        assertThat(api).contains("logs:CreateLogGroup", "iam:GetRole", "ecs:DescribeClusters", "iam:GetPolicyVersion",
                "ecr:DescribeRepositories", "iam:ListAttachedRolePolicies");
    }

    @Test
    void priming_validationInRemediateMode_answersTheSecretKeyAndSpecLookupsInMemory() {
        env.put("MODE", "remediate");
        env.put("SECRETS_MANAGER_PREFIX", "{service}/");

        List<String> validation = HandlerPriming.validation(env);

        assertThat(received).isEmpty();
        assertThat(validation).contains("secretsmanager:DescribeSecret", "kms:DescribeKey", "dynamodb:GetItem");
    }

    @Test
    void priming_withDefaultConfiguration_completesForEveryHandler() {
        Map<String, String> defaults = Map.of("AWS_REGION", "us-east-1");

        HandlerPriming.provisioning(defaults);
        HandlerPriming.validation(defaults);
        HandlerPriming.gitHub(defaults);
        HandlerPriming.api(defaults);

        assertThat(received).isEmpty();
    }

    @Test
    void runAll_inAFunctionsOwnProcess_primesEveryHandlerWithoutACall() throws Exception {
        // The SDK reads AWS_ENDPOINT_URL from the process environment itself: only a child process can set it.
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PrimingChild.class.getName()).redirectErrorStream(true);
        child.environment().putAll(env);
        child.environment().put("EXECUTION_POLICY_MODE", "managed");
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("primed 4");
        assertThat(output).contains("serialization primed 4");  // the runtime's library is on this class path
        assertThat(received).isEmpty();
        // The in-memory account's policies would otherwise answer real invocations after the restore.
        assertThat(output).contains("AWS managed policies cached: 0");
        assertThat(output).contains("environment cache entries: 0");
        // ... and so would its roles: the role cache is empty in the snapshot.
        assertThat(output).contains("role reads cached: 0");
    }

    @Test
    void validationPriming_byItself_cachesTheInMemoryAccountsManagedPolicies() {
        dev.ecsiamguard.aws.AccountRoleLookup.forgetManagedPolicies();
        env.put("EXECUTION_POLICY_MODE", "managed");  // the sample execution role then uses an AWS managed policy

        HandlerPriming.validation(env);

        // What Priming's hook must forget (through the one seam): without it, runAll's child above would report them.
        assertThat(dev.ecsiamguard.aws.AccountRoleLookup.cachedManagedPolicies()).isPositive();
        assertThat(dev.ecsiamguard.aws.RoleCache.size()).isPositive();
        dev.ecsiamguard.aws.EnvironmentCaches.clearAll();
        assertThat(dev.ecsiamguard.aws.AccountRoleLookup.cachedManagedPolicies()).isZero();
        assertThat(dev.ecsiamguard.aws.RoleCache.size()).isZero();
        assertThat(dev.ecsiamguard.aws.EnvironmentCaches.entries()).isZero();
    }
}
