package dev.ecsiamguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsiamguard.local.LocalContext;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class FunctionScopeTest {

    private static final FunctionScope OWN = new FunctionScope("aws", "123456789012", "eu-west-1");

    @Test
    void of_takesPartitionAndAccountFromTheFunctionArnAndTheRegionGiven() {
        LocalContext context = new LocalContext("arn:aws-cn:lambda:cn-north-1:210987654321:function:F:live", "F", 1,
                128, new PrintStream(OutputStream.nullOutputStream()));

        FunctionScope scope = FunctionScope.of(context, "cn-northwest-1");

        assertThat(scope).isEqualTo(new FunctionScope("aws-cn", "210987654321", "cn-northwest-1"));
        assertThat(scope.globalRegion()).isEqualTo("cn-north-1");
        assertThat(scope.accountScope().roleArn("/", "r")).isEqualTo("arn:aws-cn:iam::210987654321:role/r");
    }

    @Test
    void of_whenTheContextHasNoFunctionArn_failsInsteadOfGuessing() {
        assertThatThrownBy(() -> FunctionScope.of(null, "us-east-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no function ARN");
    }

    @Test
    void new_whenRegionIsOfAnotherPartitionThanTheArn_fails() {
        assertThatThrownBy(() -> new FunctionScope("aws", "123456789012", "cn-north-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requireRegion_acceptsTheGlobalRegionOnlyForGlobalServices() {
        assertThatCode(() -> OWN.requireRegion("us-east-1", "r", true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OWN.requireRegion("us-east-1", "r", false))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not this function's region");
        assertThatThrownBy(() -> OWN.requireRegion("eu-central-1", "r", true))
                .hasMessageContaining("nor `us-east-1`");
    }

    @Test
    void requireOwnArn_checksPartitionRegionAndAccountWhereTheArnNamesThem() {
        assertThatCode(() -> OWN.requireOwnArn("arn:aws:iam::aws:policy/ReadOnlyAccess", "p"))
                .doesNotThrowAnyException();
        assertThatCode(() -> OWN.requireOwnArn("arn:aws:iam::123456789012:role/r", "p")).doesNotThrowAnyException();
        assertThatThrownBy(() -> OWN.requireOwnArn("arn:aws:iam::999999999999:role/r", "role"))
                .hasMessageContaining("999999999999");
        assertThatThrownBy(() -> OWN.requireOwnArn("arn:aws:ecs:us-east-1:123456789012:task-definition/a:1", "td"))
                .hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> OWN.requireOwnArn("arn:aws-us-gov:iam::123456789012:role/r", "role"))
                .hasMessageContaining("partition");
        assertThatThrownBy(() -> OWN.requireOwnArn("not-an-arn", "role")).hasMessageContaining("is not an ARN");
    }
}
