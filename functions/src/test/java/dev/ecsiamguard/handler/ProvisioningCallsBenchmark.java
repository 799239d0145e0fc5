package dev.ecsiamguard.handler;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ecsiamguard.app.ServiceProvisioner;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.local.LocalContext;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.testing.CallRecorder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures for scripts/bench-provision (not a test): AWS calls of the sample repository's first provisioning and of
 * its replay in the same execution environment, with the given RoleCacheSeconds (300 as deployed, or 0),
 * against the moto server in AWS_ENDPOINT_URL (bus, spec table and repository already there: one run per account).
 */
public final class ProvisioningCallsBenchmark {

    private ProvisioningCallsBenchmark() {
    }

    /** Args: RoleCacheSeconds (default 300). */
    public static void main(String[] args) {
        String seconds = args.length > 0 ? args[0] : "300";
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("ROLE_USAGE_TABLE", "role-usage");
        env.put("ROLE_CACHE_SECONDS", seconds);
        LocalTables.createRoleUsageTable(new AwsClients(AwsSettings.fromEnvironment(env)).dynamoDb(), "role-usage");
        CallRecorder recorder = new CallRecorder();
        AwsClients clients = new AwsClients(AwsSettings.fromEnvironment(env).withInterceptor(recorder));
        ProvisionOnRepositoryHandler handler = new ProvisionOnRepositoryHandler(new ServiceProvisioner(
                ProvisioningConfig.fromEnvironment(env), clients, env.getOrDefault("EVENT_BUS_NAME", "ecs-iam-guard"))
                .withRoleCache(RoleCache.fromEnvironment(env, clients)), "us-east-1");
        invoke(handler);
        print("RoleCacheSeconds=" + seconds + ", first run", recorder.calls());
        recorder.clear();
        invoke(handler);
        print("RoleCacheSeconds=" + seconds + ", replay (same environment)", recorder.calls());
    }

    private static void invoke(ProvisionOnRepositoryHandler handler) {
        Map<String, Object> result = handler.handleRequest(EventLoader.loadScheduledEvent(
                "events/cloudtrail/ecr-create-repository.json"), new LocalContext("ProvisionOnRepositoryFunction", 60,
                1024, new PrintStream(OutputStream.nullOutputStream())));
        if (!"ok".equals(result.get("status"))) {
            throw new IllegalStateException("provisioning failed: " + result);
        }
    }

    private static void print(String label, List<String> calls) {
        Map<String, Integer> byOperation = new TreeMap<>();
        calls.forEach(c -> byOperation.merge(c, 1, Integer::sum));
        System.out.println(label + ": " + calls.size() + " AWS calls " + byOperation);
    }
}
