package dev.ecsiamguard.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Sample events name secrets by full ARN, whose last six characters Secrets Manager chooses: before delivering
 * one, the demo creates each secret of the sample's account and region (as the user would have) and names it by
 * the ARN moto gave it, so the secret exists and remediation can read which key encrypts it.
 */
final class DemoSecrets {

    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws:secretsmanager:([a-z0-9-]+):(\\d{12}):secret:([A-Za-z0-9/_+=.@-]+)-[A-Za-z0-9]{6}");

    private DemoSecrets() {
    }

    /** The event with each secret of {@code account} in {@code region} created and named by its real ARN. */
    static String created(String requestJson, String account, String region, SecretsManagerClient secrets) {
        Map<String, String> real = new LinkedHashMap<>();
        Matcher m = SECRET_ARN.matcher(requestJson);
        while (m.find()) {
            if (m.group(2).equals(account) && m.group(1).equals(region)) {
                real.computeIfAbsent(m.group(), arn -> create(secrets, m.group(3)));
            }
        }
        String rewritten = requestJson;
        for (Map.Entry<String, String> e : real.entrySet()) {
            rewritten = rewritten.replace(e.getKey(), e.getValue());
        }
        return rewritten;
    }

    private static String create(SecretsManagerClient secrets, String name) {
        try {
            return secrets.createSecret(r -> r.name(name).secretString("demo")).arn();
        } catch (ResourceExistsException exists) {
            return secrets.describeSecret(r -> r.secretId(name)).arn();
        }
    }
}
