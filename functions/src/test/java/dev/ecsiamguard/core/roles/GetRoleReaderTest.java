package dev.ecsiamguard.core.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.policy.PolicyParseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GetRoleReaderTest {

    private static final String TRUST = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
            + "'Principal':{'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}]}";

    @Test
    void read_whenTrustIsAnObject_readsRoleBoundaryAndTags() {
        GetRoleReader.SavedRole role = GetRoleReader.read(Json.parse(json("{'Role':{'RoleName':'web','Path':'/app/',"
                + "'Arn':'arn:aws:iam::123456789012:role/app/web','AssumeRolePolicyDocument':" + TRUST + ","
                + "'PermissionsBoundary':{'PermissionsBoundaryType':'Policy',"
                + "'PermissionsBoundaryArn':'arn:aws:iam::123456789012:policy/limit'},"
                + "'Tags':[{'Key':'Environment','Value':'prod'}]}}")));

        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/app/web");
        assertThat(role.name()).isEqualTo("web");
        assertThat(role.path()).isEqualTo("/app/");
        assertThat(role.trust().document().statements()).hasSize(1);
        assertThat(role.boundaryArn()).contains("arn:aws:iam::123456789012:policy/limit");
        assertThat(role.tags()).containsEntry("Environment", "prod");
    }

    @Test
    void read_whenTrustIsUrlEncodedAsTheCliReturnsIt_decodesIt() {
        String encoded = URLEncoder.encode(json(TRUST), StandardCharsets.UTF_8);

        GetRoleReader.SavedRole role = GetRoleReader.read(Json.parse(json("{'Role':{'RoleName':'web',"
                + "'Arn':'arn:aws:iam::123456789012:role/web','AssumeRolePolicyDocument':'" + encoded + "'}}")));

        assertThat(role.trust().document().statements().get(0).principals()).isNotEmpty();
        assertThat(role.path()).isEqualTo("/");
        assertThat(role.boundaryArn()).isEmpty();
    }

    @Test
    void read_whenArnMissing_failsAtTheField() {
        assertThatThrownBy(() -> GetRoleReader.read(Json.parse(json("{'Role':{'RoleName':'web',"
                + "'AssumeRolePolicyDocument':" + TRUST + "}}")))).isInstanceOf(PolicyParseException.class)
                .hasMessageStartingWith("Role.Arn: ");
    }

    @Test
    void read_whenTrustInvalid_failsWithTheLocationInsideTheDocument() {
        String bad = TRUST.replace("'Effect':'Allow'", "'Effect':'Maybe'");

        assertThatThrownBy(() -> GetRoleReader.read(Json.parse(json("{'Role':{'RoleName':'web',"
                + "'Arn':'arn:aws:iam::123456789012:role/web','AssumeRolePolicyDocument':" + bad + "}}"))))
                .isInstanceOf(PolicyParseException.class)
                .hasMessageStartingWith("Role.AssumeRolePolicyDocument: statement 1");
    }

    @Test
    void matches_whenRoleObjectPresent_isTrueElseFalse() {
        assertThat(GetRoleReader.matches(Json.parse("{\"Role\":{}}"))).isTrue();
        assertThat(GetRoleReader.matches(Json.parse("{\"Role\":\"web\"}"))).isFalse();
        assertThat(GetRoleReader.matches(Json.parse("{\"Statement\":[]}"))).isFalse();
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
