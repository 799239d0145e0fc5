package dev.ecsiamguard.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place policy documents from IAM are decoded: GetRole, GetRolePolicy and
 * GetAccountAuthorizationDetails return them URL-encoded, GetPolicyVersion (on moto) as plain JSON.
 */
public final class IamDocuments {

    private IamDocuments() {
    }

    public static String decode(String document) {
        if (document == null) {
            return "";
        }
        String trimmed = document.trim();
        if (trimmed.startsWith("{") || trimmed.isEmpty()) {
            return trimmed;
        }
        return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
    }
}
