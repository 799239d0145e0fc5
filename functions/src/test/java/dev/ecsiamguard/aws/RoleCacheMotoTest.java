package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.provision.RoleState;
import dev.ecsiamguard.local.LocalTables;
import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.MotoServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;

/** The role cache against moto's IAM and DynamoDB: what is read again, when, and what a marker changes. */
class RoleCacheMotoTest {

    private static final String TABLE = "role-usage";
    private static final String ROLE = "ecs-web-task-role";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final MotoServer moto = MotoServer.get();
    private final CallRecorder recorder = new CallRecorder();
    private final ExpiringCacheTest.HandClock clock = new ExpiringCacheTest.HandClock();
    private IamClient iam;
    private IamClient byHand;
    private DynamoDbClient dynamo;
    private DynamoDbRoleChangeMarkers markers;

    @BeforeEach
    void roleAndTable() {
        moto.reset();
        AwsClients clients = new AwsClients(moto.settings().withInterceptor(recorder));
        iam = clients.iam();
        byHand = new AwsClients(moto.settings()).iam();
        dynamo = clients.dynamoDb();
        LocalTables.createRoleUsageTable(dynamo, TABLE);
        markers = new DynamoDbRoleChangeMarkers(dynamo, TABLE, clock);
        iam.createRole(r -> r.roleName(ROLE).path("/ecs-iam-guard/").assumeRolePolicyDocument(TRUST));
        putPolicy("s3:GetObject");
        recorder.clear();
    }

    @Test
    void aTrustedEntry_answersWithoutIam_untilItIsOlderThanTheTimeToLive() {
        RoleCache cache = cache(Duration.ofSeconds(300));
        read(cache);
        assertThat(iamCalls()).hasSize(4);
        recorder.clear();

        clock.now = clock.now.plusSeconds(299);
        putPolicy("s3:PutObject");  // by hand, and no marker: within the time to live the old read answers
        assertThat(read(cache).inlinePolicies().get("app")).contains("s3:GetObject");
        assertThat(recorder.calls()).containsExactly("DynamoDb:BatchGetItem");

        clock.now = clock.now.plusSeconds(1);
        assertThat(read(cache).inlinePolicies().get("app")).contains("s3:PutObject");
        assertThat(iamCalls()).hasSize(4);
    }

    @Test
    void aMarkerAtOrAfterTheReadLessTheSkew_makesTheNextReadFresh_anOlderOneDoesNot() {
        RoleCache cache = cache(Duration.ofSeconds(300));
        read(cache);
        markers.record(List.of(ROLE), clock.now.minusSeconds(31));
        recorder.clear();

        read(cache);
        assertThat(iamCalls()).isEmpty();

        putPolicy("s3:PutObject");
        assertThat(markers.record(List.of(ROLE.toUpperCase()), clock.now.minusSeconds(30))).hasSize(1);
        recorder.clear();
        assertThat(read(cache).inlinePolicies().get("app")).contains("s3:PutObject");
        assertThat(iamCalls()).hasSize(4);
    }

    @Test
    void whenTheMarkersCannotBeRead_everyRoleIsReadFresh() {
        RoleCache cache = new RoleCache(Duration.ofSeconds(300), Optional.of(new DynamoDbRoleChangeMarkers(dynamo,
                "no-such-table", clock)), clock);
        read(cache);
        putPolicy("s3:PutObject");
        recorder.clear();

        assertThat(read(cache).inlinePolicies().get("app")).contains("s3:PutObject");
        assertThat(recorder.calls()).contains("DynamoDb:BatchGetItem");
        assertThat(iamCalls()).hasSize(4);
    }

    @Test
    void withZeroSecondsOrWithoutATable_everyReadGoesToIam_andNoMarkerIsAskedFor() {
        RoleCache zero = RoleCache.fromEnvironment(java.util.Map.of("ROLE_CACHE_SECONDS", "0",
                "ROLE_USAGE_TABLE", TABLE), new AwsClients(moto.settings().withInterceptor(recorder)));
        RoleCache noTable = RoleCache.fromEnvironment(java.util.Map.of("ROLE_CACHE_SECONDS", "300"),
                new AwsClients(moto.settings()));

        read(zero);
        read(zero);
        read(noTable);

        assertThat(recorder.calls()).hasSize(12).allMatch(c -> c.startsWith("Iam:"));
        assertThat(RoleCache.size()).isZero();
    }

    @Test
    void ownWrites_andAbsentRoles_areNeverAnsweredFromTheCache() {
        RoleCache cache = cache(Duration.ofSeconds(300));
        RoleReads reads = cache.begin(iam, List.of(ROLE, "ecs-missing-role"));
        assertThat(reads.read("ecs-missing-role").exists()).isFalse();
        reads.read(ROLE);
        new IamRoles(iam, Backoff.forIamPropagation(), reads).apply(new dev.ecsiamguard.core.provision.Change
                .PutInlinePolicy(ROLE, "app", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}"));
        recorder.clear();

        RoleReads next = cache.begin(iam, List.of(ROLE, "ecs-missing-role"));
        assertThat(next.read(ROLE).inlinePolicies().get("app")).contains("s3:ListBucket");
        assertThat(next.read("ecs-missing-role").exists()).isFalse();
        assertThat(recorder.calls()).containsOnlyOnce("DynamoDb:BatchGetItem");
        assertThat(iamCalls()).hasSize(5);  // 4 for the written role, GetRole for the absent one
    }

    @Test
    void record_movesAMarkerOnlyForward() {
        assertThat(markers.record(List.of(ROLE), clock.now)).containsExactly(ROLE);
        recorder.clear();

        assertThat(markers.record(List.of(ROLE), clock.now)).isEmpty();
        assertThat(markers.record(List.of(ROLE), clock.now.minusSeconds(60))).isEmpty();
        assertThat(recorder.calls()).containsOnly("DynamoDb:BatchGetItem");
        assertThat(markers.record(List.of(ROLE), clock.now.plusMillis(1))).containsExactly(ROLE);
        assertThat(markers.read(List.of(ROLE, "other")).get(ROLE)).isEqualTo(RoleCacheTrust.Marker.at(
                clock.now.plusMillis(1)));
        assertThat(markers.read(List.of(ROLE, "other")).get("other")).isEqualTo(RoleCacheTrust.Marker.none());
    }

    private RoleCache cache(Duration ttl) {
        return new RoleCache(ttl, Optional.of(markers), clock);
    }

    // One invocation's read of the role.
    private RoleState read(RoleCache cache) {
        return cache.begin(iam, List.of(ROLE)).read(ROLE);
    }

    private void putPolicy(String action) {
        byHand.putRolePolicy(r -> r.roleName(ROLE).policyName("app").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}"));
    }

    private List<String> iamCalls() {
        return recorder.calls().stream().filter(c -> c.startsWith("Iam:")).toList();
    }
}
