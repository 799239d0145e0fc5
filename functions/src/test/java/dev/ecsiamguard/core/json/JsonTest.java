package dev.ecsiamguard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "C:\\path\\to", "line1\nline2\r\n\tend", "bell\u0007 nul\u0000 esc\u001b",
        "\u00fcnic\u00f8de \u2028 \ud83d\ude80", "</script>", ""})
    void write_whenStringNeedsEscaping_roundTripsThroughParse(String text) {
        String json = Json.write(Json.object("key", text, "list", List.of(text)));

        Map<String, JsonNode> parsed = Json.parse(json).asObject();
        assertThat(parsed.get("key").text()).isEqualTo(text);
        assertThat(parsed.get("list").asArray().get(0).text()).isEqualTo(text);
        assertThat(json.chars().filter(c -> c < 0x20)).isEmpty();
    }

    @Test
    void write_whenNestedValues_writesCompactJsonInInsertionOrder() {
        Map<String, Object> value = Json.object("b", 1, "a", List.of(true, 2.5), "n", null, "e",
                TimeUnit.SECONDS, "o", Json.object());

        assertThat(Json.write(value)).isEqualTo("{\"b\":1,\"a\":[true,2.5],\"n\":null,\"e\":\"SECONDS\",\"o\":{}}");
    }

    @Test
    void write_whenUnsupportedType_rejects() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Json.write(Arrays.asList(new Object())))
                .withMessageContaining("java.lang.Object");
    }

    @Test
    void sameValue_whenOnlyKeyOrderAndWhitespaceDiffer_isTrue() {
        String a = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"a\",\"b\"]}]}";
        String b = """
                {
                  "Statement" : [ { "Action" : [ "a", "b" ], "Effect" : "Allow" } ],
                  "Version" : "2012-10-17"
                }
                """;

        assertThat(Json.sameValue(a, b)).isTrue();
    }

    @Test
    void sameValue_whenValuesOrArrayOrderDiffer_isFalse() {
        assertThat(Json.sameValue("{\"a\":[1,2]}", "{\"a\":[2,1]}")).isFalse();
        assertThat(Json.sameValue("{\"a\":\"x\"}", "{\"a\":\"y\"}")).isFalse();
        assertThat(Json.sameValue("{\"a\":1}", "{\"a\":1,\"b\":2}")).isFalse();
    }

    @Test
    void sameValue_whenEitherIsNotJson_isFalse() {
        assertThat(Json.sameValue("not json", "not json")).isFalse();
        assertThat(Json.sameValue("{\"a\":1}", "{\"a\":")).isFalse();
        assertThat(Json.sameValue("%7B%22a%22%3A1%7D", "{\"a\":1}")).isFalse();
    }
}
