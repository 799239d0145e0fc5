package dev.ecsiamguard.core.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GaadRoleLookupTest {

    private static final String EXEC = "arn:aws:iam::123456789012:role/shop-execution-role";
    private static final GaadRoleLookup LOOKUP = GaadRoleLookup.parse(fixture());

    static String fixture() {
        try (InputStream in = GaadRoleLookupTest.class.getResourceAsStream("/gaad/account-details.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void find_whenArnOfRoleWithInlineAndManagedPolicies_returnsFullSnapshot() {
        RoleResolution found = LOOKUP.find(EXEC);

        assertThat(found.status()).isEqualTo(RoleResolution.Status.FOUND);
        RoleSnapshot role = found.role();
        assertThat(role.name()).isEqualTo("shop-execution-role");
        assertThat(role.inlinePolicies()).extracting(NamedPolicy::name).containsExactly("read-db-secret");
        assertThat(role.managedPolicies()).extracting(NamedPolicy::name)
                .containsExactly("arn:aws:iam::123456789012:policy/shop-execution");
        assertThat(role.tags()).containsEntry("service", "shop");
        assertThat(role.trustPolicy().document().statements()).hasSize(1);
    }

    @Test
    void find_whenManagedPolicyHasSeveralVersions_usesTheDefaultVersion() {
        RoleSnapshot role = LOOKUP.find(EXEC).role();

        assertThat(role.evaluator().evaluate(Request.of("ecr:BatchGetImage", "*")).isAllowed()).isTrue();
    }

    @Test
    void find_whenNameAndUrlEncodedDocumentsWithBoundary_returnsSnapshotWithBoundary() {
        RoleResolution found = LOOKUP.find("shop-task-role");

        assertThat(found.status()).isEqualTo(RoleResolution.Status.FOUND);
        assertThat(found.role().path()).isEqualTo("/services/");
        assertThat(found.role().trustPolicy().document().statements()).hasSize(1);
        assertThat(found.role().inlinePolicies().get(0).document().statements().get(0).actions())
                .containsExactly("s3:GetObject", "s3:PutObject");
        assertThat(found.role().boundary()).map(NamedPolicy::name)
                .contains("arn:aws:iam::123456789012:policy/shop-boundary");
    }

    @Test
    void find_whenAttachedAwsManagedPolicyIsNotInTheFile_returnsUnknownNamingThePolicy() {
        RoleResolution found = LOOKUP.find("arn:aws:iam::123456789012:role/reporting-role");

        assertThat(found.status()).isEqualTo(RoleResolution.Status.UNKNOWN);
        assertThat(found.reason()).contains("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(LOOKUP.incompleteRoles()).containsExactly("arn:aws:iam::123456789012:role/reporting-role");
    }

    @Test
    void roles_whenFileHoldsSeveralRoles_listsEveryRoleInFileOrderWithItsResolution() {
        assertThat(LOOKUP.roles().keySet()).containsExactly(EXEC,
                "arn:aws:iam::123456789012:role/services/shop-task-role",
                "arn:aws:iam::123456789012:role/reporting-role");
        assertThat(LOOKUP.roles().get(EXEC).status()).isEqualTo(RoleResolution.Status.FOUND);
        assertThat(LOOKUP.roles().values()).filteredOn(r -> r.status() == RoleResolution.Status.UNKNOWN).hasSize(1);
    }

    @Test
    void find_whenRoleAbsentInCoveredAccount_returnsMissing() {
        assertThat(LOOKUP.find("arn:aws:iam::123456789012:role/nope").status())
                .isEqualTo(RoleResolution.Status.MISSING);
        assertThat(LOOKUP.find("nope").status()).isEqualTo(RoleResolution.Status.MISSING);
    }

    @Test
    void find_whenRoleInAnotherAccount_returnsUnknown() {
        RoleResolution found = LOOKUP.find("arn:aws:iam::210987654321:role/shop-execution-role");

        assertThat(found.status()).isEqualTo(RoleResolution.Status.UNKNOWN);
        assertThat(found.reason()).contains("210987654321").contains("123456789012");
    }

    @Test
    void parse_whenRoleDetailListMissing_throwsLocatedError() {
        assertThatThrownBy(() -> GaadRoleLookup.parse("{\"UserDetailList\": []}"))
                .isInstanceOf(GaadParseException.class)
                .hasMessageStartingWith("RoleDetailList: ")
                .extracting(e -> ((GaadParseException) e).location()).isEqualTo("RoleDetailList");
    }

    @Test
    void parse_whenRoleLacksArn_throwsLocatedError() {
        assertThatThrownBy(() -> GaadRoleLookup.parse("{\"RoleDetailList\": [{\"RoleName\": \"x\"}]}"))
                .isInstanceOf(GaadParseException.class)
                .hasMessageStartingWith("RoleDetailList[0].Arn: ");
    }

    @Test
    void parse_whenNotJson_throwsParseError() {
        assertThatThrownBy(() -> GaadRoleLookup.parse("{nope"))
                .isInstanceOf(GaadParseException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void find_whenInlineDocumentIsInvalid_returnsUnknownWithLocation() {
        String trust = URLEncoder.encode("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": "
                + "\"ecs-tasks.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}", StandardCharsets.UTF_8);
        GaadRoleLookup lookup = GaadRoleLookup.parse("{\"RoleDetailList\": [{\"RoleName\": \"r\", \"Arn\": "
                + "\"arn:aws:iam::123456789012:role/r\", \"AssumeRolePolicyDocument\": \"" + trust + "\", "
                + "\"RolePolicyList\": [{\"PolicyName\": \"p\", \"PolicyDocument\": {\"Statement\": "
                + "[{\"Effect\": \"Maybe\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}}]}]}");

        RoleResolution found = lookup.find("r");

        assertThat(found.status()).isEqualTo(RoleResolution.Status.UNKNOWN);
        assertThat(found.reason()).contains("RoleDetailList[0].RolePolicyList[0].PolicyDocument");
    }
}
