package dev.ecsiamguard.core.provision.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** s3, dynamodb and efs: the engine allows the intended data actions on the named resource, nothing beside it. */
class StorageCapabilitiesTest {

    private static final String OBJECT = "arn:aws:s3:::uploads-bucket/payments-api/2026/a.json";

    @Test
    void s3Read_allowsObjectsUnderThePrefixOnly() {
        CapabilityPolicies p = CapabilityPolicies.of("s3=uploads-bucket/payments-api");

        assertThat(p.allows("s3:GetObject", OBJECT)).isTrue();
        assertThat(p.allows("s3:GetObject", "arn:aws:s3:::uploads-bucket/payments-api-other/a.json")).isFalse();
        assertThat(p.allows("s3:GetObject", "arn:aws:s3:::uploads-bucket/billing/a.json")).isFalse();
        assertThat(p.allows("s3:GetObject", "arn:aws:s3:::other-bucket/payments-api/a.json")).isFalse();
        assertThat(p.allows("s3:PutObject", OBJECT)).isFalse();
        assertThat(p.allows("s3:DeleteBucket", "arn:aws:s3:::uploads-bucket")).isFalse();
    }

    @Test
    void s3Read_listsTheBucketOnlyWithThePrefixCondition() {
        CapabilityPolicies p = CapabilityPolicies.of("s3=uploads-bucket/payments-api");
        String bucket = "arn:aws:s3:::uploads-bucket";

        assertThat(p.allows("s3:ListBucket", bucket, Map.of("s3:prefix", "payments-api/2026/"))).isTrue();
        assertThat(p.allows("s3:ListBucket", bucket, Map.of("s3:prefix", "billing/"))).isFalse();
        assertThat(p.allows("s3:ListBucket", bucket)).isFalse();
    }

    @Test
    void s3_whenBucketIsInAnotherAccount_isDenied() {
        CapabilityPolicies p = CapabilityPolicies.of("s3.read-write=uploads-bucket/payments-api");

        assertThat(p.allows("s3:PutObject", OBJECT)).isTrue();
        assertThat(p.allows("s3:PutObject", OBJECT, Map.of("aws:ResourceAccount", "210987654321"))).isFalse();
    }

    @Test
    void s3Write_allowsPutButNotReadOrList() {
        CapabilityPolicies p = CapabilityPolicies.of("s3.write=uploads-bucket");

        assertThat(p.allows("s3:PutObject", "arn:aws:s3:::uploads-bucket/any/key")).isTrue();
        assertThat(p.allows("s3:GetObject", "arn:aws:s3:::uploads-bucket/any/key")).isFalse();
        assertThat(p.allows("s3:ListBucket", "arn:aws:s3:::uploads-bucket")).isFalse();
        assertThat(p.allows("s3:DeleteObject", "arn:aws:s3:::uploads-bucket/any/key")).isFalse();
    }

    @Test
    void dynamodbRead_allowsTableAndIndexQueriesButNoWritesOrManagement() {
        CapabilityPolicies p = CapabilityPolicies.of("dynamodb=payments");
        String table = "arn:aws:dynamodb:us-east-1:123456789012:table/payments";

        assertThat(p.allows("dynamodb:Query", table + "/index/by-customer")).isTrue();
        assertThat(p.allows("dynamodb:GetItem", table)).isTrue();
        assertThat(p.allows("dynamodb:PutItem", table)).isFalse();
        assertThat(p.allows("dynamodb:DeleteTable", table)).isFalse();
        assertThat(p.allows("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/payments-old"))
                .isFalse();
        assertThat(p.allows("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:210987654321:table/payments")).isFalse();
        assertThat(p.allows("dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/payments")).isFalse();
    }

    @Test
    void dynamodbReadWrite_addsItemWritesOnly() {
        CapabilityPolicies p = CapabilityPolicies.of(
                "dynamodb.read-write=arn:aws:dynamodb:us-east-1:123456789012:table/payments");
        String table = "arn:aws:dynamodb:us-east-1:123456789012:table/payments";

        assertThat(p.allows("dynamodb:PutItem", table)).isTrue();
        assertThat(p.allows("dynamodb:BatchWriteItem", table)).isTrue();
        assertThat(p.allows("dynamodb:UpdateTable", table)).isFalse();
        assertThat(p.allows("dynamodb:CreateBackup", table)).isFalse();
    }

    @Test
    void efs_allowsMountOnlyThroughTheAccessPoint() {
        CapabilityPolicies p = CapabilityPolicies.of("efs=fs-0123abcd=fsap-0123456789abcdef0");
        String fs = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123abcd";
        String ap = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";
        String otherAp = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0fffffffffffffff0";

        assertThat(p.allows("elasticfilesystem:ClientMount", fs, Map.of("elasticfilesystem:AccessPointArn", ap)))
                .isTrue();
        assertThat(p.allows("elasticfilesystem:ClientMount", fs)).isFalse();
        assertThat(p.allows("elasticfilesystem:ClientMount", fs,
                Map.of("elasticfilesystem:AccessPointArn", otherAp))).isFalse();
        assertThat(p.allows("elasticfilesystem:ClientWrite", fs, Map.of("elasticfilesystem:AccessPointArn", ap)))
                .isFalse();
        assertThat(p.allows("elasticfilesystem:ClientRootAccess", fs,
                Map.of("elasticfilesystem:AccessPointArn", ap))).isFalse();
        assertThat(p.allows("elasticfilesystem:ClientMount",
                "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0fffffff",
                Map.of("elasticfilesystem:AccessPointArn", ap))).isFalse();
    }

    @Test
    void efsReadWrite_alsoAllowsWriteThroughTheAccessPoint() {
        CapabilityPolicies p = CapabilityPolicies.of("efs.read-write=fs-0123abcd=fsap-0123456789abcdef0");
        String fs = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123abcd";
        String ap = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0";

        assertThat(p.allows("elasticfilesystem:ClientWrite", fs, Map.of("elasticfilesystem:AccessPointArn", ap)))
                .isTrue();
    }
}
