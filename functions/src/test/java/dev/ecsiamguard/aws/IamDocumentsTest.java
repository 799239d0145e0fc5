package dev.ecsiamguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsiamguard.core.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IamDocumentsTest {

    private static final String DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A b+c\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/100%/*\"}]}";

    @Test
    void decode_whenUrlEncodedAsGetRoleReturnsIt_returnsPlainJson() {
        String encoded = URLEncoder.encode(DOCUMENT, StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(encoded).doesNotStartWith("{");
        assertThat(IamDocuments.decode(encoded)).isEqualTo(DOCUMENT);
    }

    @Test
    void decode_whenAlreadyPlainJson_returnsItUnchanged() {
        assertThat(IamDocuments.decode(DOCUMENT)).isEqualTo(DOCUMENT);
        assertThat(Json.sameValue(IamDocuments.decode("\n  " + DOCUMENT + "\n"), DOCUMENT)).isTrue();
    }

    @Test
    void decode_whenNullOrBlank_returnsEmpty() {
        assertThat(IamDocuments.decode(null)).isEmpty();
        assertThat(IamDocuments.decode("  ")).isEmpty();
    }
}
