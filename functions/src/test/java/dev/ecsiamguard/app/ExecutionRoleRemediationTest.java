package dev.ecsiamguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.ServiceBlueprint;
import dev.ecsiamguard.core.remediate.InlinePolicies;
import dev.ecsiamguard.core.remediate.SecretKeys;
import dev.ecsiamguard.core.roles.RoleAnalysisContext;
import dev.ecsiamguard.core.roles.RoleResolution;
import dev.ecsiamguard.core.roles.RoleSnapshot;
import dev.ecsiamguard.core.spec.InMemoryServiceSpecStore;
import dev.ecsiamguard.core.spec.ServiceSpec;
import dev.ecsiamguard.core.spec.ServiceSpecStore;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.TaskDefinitionParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remediate step through its ports, without AWS: spec, role policies and secret keys in memory. */
class ExecutionRoleRemediationTest {

    private static final String ROLE = "ecs-web-execution-role";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/web/db-Q1w2E3";
    private static final String OTHER = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/web/api-Z9x8C7";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-4333-8444-555566667777";
    private static final String FOREIGN_KEY = "arn:aws:kms:us-east-1:999988887777:key/9999aaaa-2222-4333-8444-55556";
    private static final ProvisioningConfig CONFIG = ProvisioningConfig.fromEnvironment(
            Map.of("SECRETS_MANAGER_PREFIX", "{environment}/{service}/"));
    private static final Map<String, String> MANAGED = Map.of("ManagedBy", "ecs-iam-guard", "Service", "web");

    private final InMemoryServiceSpecStore specs = new InMemoryServiceSpecStore();
    private final MemoryPolicies policies = new MemoryPolicies();
    private final Map<String, Optional<String>> keys = new HashMap<>();

    /** A role's inline policies in memory, counting writes. */
    private static final class MemoryPolicies implements InlinePolicies {
        final Map<String, String> documents = new HashMap<>();
        int puts;

        @Override
        public Optional<String> read(String roleName, String policyName) {
            return Optional.ofNullable(documents.get(policyName));
        }

        @Override
        public void put(String roleName, String policyName, String document) {
            puts++;
            documents.put(policyName, document);
        }
    }

    @BeforeEach
    void provisionedService() {
        specs.writeIfUnchanged(ServiceSpec.empty(ROLE, "web", "dev").withRegion("us-east-1", "web"));
    }

    @Test
    void remediate_whenRoleIsManaged_recordsTheSecretInTheSpecAndWritesNothingOnReplay() {
        keys.put(SECRET, Optional.empty());

        var first = remediation().remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));
        int specWrites = specs.writes();
        var replay = remediation().remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));

        assertThat(first.granted()).extracting(g -> g.grant().resource()).containsExactly(SECRET);
        assertThat(spec().executionGrants()).containsExactly(SECRET);
        assertThat(policies.documents.get(ServiceBlueprint.EXECUTION_POLICY_NAME)).contains("GrantedSecrets", SECRET)
                .doesNotContain("kms:");
        assertThat(replay.granted()).isEmpty();
        assertThat(replay.eventful()).isFalse();
        assertThat(specs.writes()).isEqualTo(specWrites);
        assertThat(policies.puts).isEqualTo(1);
    }

    @Test
    void remediate_whenTheSecretHasACustomerManagedKeyHere_grantsTheKeyThroughSecretsManagerOnly() {
        keys.put(SECRET, Optional.of(KEY));

        var outcome = remediation().remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));

        assertThat(outcome.granted()).extracting(g -> g.grant().resource()).containsExactly(SECRET, KEY);
        assertThat(spec().executionGrants()).containsExactlyInAnyOrder(SECRET, KEY);
        assertThat(policies.documents.get(ServiceBlueprint.EXECUTION_POLICY_NAME)).contains(
                "{\"Sid\":\"GrantedKeysUsEast1\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\""
                        + KEY + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                        + "\"secretsmanager.us-east-1.amazonaws.com\"}}}");
        var replay = remediation().remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));
        assertThat(replay.granted()).as("the engine sees the key granted").isEmpty();
        assertThat(policies.puts).isEqualTo(1);
    }

    @Test
    void remediate_whenTheKeyIsInAnotherAccount_grantsTheSecretAndReportsTheKeyWithItsStatement() {
        keys.put(SECRET, Optional.of(FOREIGN_KEY));

        var outcome = remediation().remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));

        assertThat(outcome.granted()).extracting(g -> g.grant().resource()).containsExactly(SECRET);
        assertThat(spec().executionGrants()).containsExactly(SECRET);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("EXEC-SECRETS-SM");
            assertThat(f.message()).contains(FOREIGN_KEY, "account 999988887777");
            assertThat(f.fix()).isEqualTo("{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\""
                    + FOREIGN_KEY + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                    + "\"secretsmanager.us-east-1.amazonaws.com\"}}}");
        });
    }

    @Test
    void remediate_whenAKeyCannotBeRead_grantsNothingForThatSecretAndReportsARuleError() {
        keys.put(OTHER, Optional.empty());

        var outcome = remediation().remediate(td(SECRET, OTHER), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));

        assertThat(outcome.granted()).extracting(g -> g.grant().resource()).containsExactly(OTHER);
        assertThat(spec().executionGrants()).containsExactly(OTHER);
        assertThat(outcome.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains(SECRET, "AccessDeniedException", "not granted"));
    }

    @Test
    void remediate_whenTheServiceHasNoSpec_writesNothing() {
        InMemoryServiceSpecStore empty = new InMemoryServiceSpecStore();
        keys.put(SECRET, Optional.empty());

        var outcome = new ExecutionRoleRemediation(CONFIG, List.of(), empty, policies, this::key)
                .remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));

        assertThat(outcome.skipped()).contains("has no spec yet");
        assertThat(empty.writes()).isZero();
        assertThat(policies.puts).isZero();
    }

    // The first spec write loses to another remediation that records another secret: both end in spec and policy.
    @Test
    void remediate_concurrentlyWithAnother_keepsBothGrants() {
        keys.put(SECRET, Optional.empty());
        keys.put(OTHER, Optional.empty());
        InMemoryServiceSpecStore store = new InMemoryServiceSpecStore();
        ServiceSpecStore racing = new ServiceSpecStore() {
            boolean raced;

            @Override
            public Optional<ServiceSpec> read(String id) {
                return store.read(id);
            }

            @Override
            public Optional<ServiceSpec> writeIfUnchanged(ServiceSpec spec) {
                if (!raced && spec.stored()) {
                    raced = true;
                    new ExecutionRoleRemediation(CONFIG, List.of(), this, policies, ExecutionRoleRemediationTest
                            .this::key).remediate(td(OTHER), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));
                }
                return store.writeIfUnchanged(spec);
            }
        };
        racing.writeIfUnchanged(ServiceSpec.empty(ROLE, "web", "dev").withRegion("us-east-1", "web"));

        new ExecutionRoleRemediation(CONFIG, List.of(), racing, policies, this::key)
                .remediate(td(SECRET), ctx(role("/ecs-iam-guard/", ROLE, MANAGED)));

        assertThat(racing.read(ROLE).orElseThrow().executionGrants()).containsExactlyInAnyOrder(SECRET, OTHER);
        assertThat(policies.documents.get(ServiceBlueprint.EXECUTION_POLICY_NAME)).contains(SECRET, OTHER);
    }

    @Test
    void remediate_whenRoleIsNotOneThisApplicationManages_grantsNothing() {
        keys.put(SECRET, Optional.empty());
        for (RoleSnapshot role : List.of(
                role("/ecs-iam-guard/", ROLE, Map.of("Service", "web")),
                role("/", ROLE, MANAGED),
                role("/ecs-iam-guard/", "web-exec", MANAGED),
                role("/ecs-iam-guard/", ROLE, Map.of("ManagedBy", "ecs-iam-guard", "Service", "billing")))) {

            var outcome = remediation().remediate(td(SECRET), ctx(role));

            assertThat(outcome.skipped()).as(role.path() + role.name()).contains("not one this application manages");
            assertThat(policies.puts).isZero();
        }
    }

    private ExecutionRoleRemediation remediation() {
        return new ExecutionRoleRemediation(CONFIG, List.of(), specs, policies, this::key);
    }

    private Optional<String> key(String secretArn) {
        Optional<String> key = keys.get(secretArn);
        if (key == null) {
            throw new SecretKeys.Unreadable("secretsmanager:DescribeSecret: AccessDeniedException", null);
        }
        return key;
    }

    private ServiceSpec spec() {
        return specs.read(ROLE).orElseThrow();
    }

    // The role as IAM would show it now: with whatever execution policy remediation wrote so far.
    private RoleSnapshot role(String path, String name, Map<String, String> tags) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        List<NamedPolicy> inline = policies.documents.entrySet().stream()
                .map(e -> new NamedPolicy(e.getKey(), PolicyDocument.parseIdentity(e.getValue()))).toList();
        return new RoleSnapshot("arn:aws:iam::123456789012:role" + path + name, name, path,
                new NamedPolicy("trust", PolicyDocument.parseTrust(trust)), inline, List.of(), Optional.empty(),
                tags);
    }

    private static RoleAnalysisContext ctx(RoleSnapshot exec) {
        return new RoleAnalysisContext("aws", "us-east-1", "123456789012", RoleResolution.found(exec),
                RoleResolution.unknown("no task role"), Map.of());
    }

    private static TaskDefinition td(String... secrets) {
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < secrets.length; i++) {
            refs.append(i == 0 ? "" : ",").append("{\"name\":\"S").append(i).append("\",\"valueFrom\":\"")
                    .append(secrets[i]).append("\"}");
        }
        return TaskDefinitionParser.parse("{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:"
                + "task-definition/web:1\",\"family\":\"web\",\"revision\":1,\"executionRoleArn\":"
                + "\"arn:aws:iam::123456789012:role/ecs-iam-guard/" + ROLE + "\",\"containerDefinitions\":"
                + "[{\"name\":\"app\",\"image\":\"nginx\",\"secrets\":[" + refs + "]}]}");
    }
}
