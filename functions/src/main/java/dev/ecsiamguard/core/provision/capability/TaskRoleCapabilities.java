package dev.ecsiamguard.core.provision.capability;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.provision.AccountScope;
import dev.ecsiamguard.core.provision.ProvisioningConfig;
import dev.ecsiamguard.core.provision.TaskRoleCapability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task role's capabilities, from wherever they are declared (the repository's tags, an API request, a stored
 * spec: all lists of declaration strings), validated against the service's scope and turned into one policy.
 * Everything is checked before a policy is returned, so a bad declaration writes nothing.
 */
public final class TaskRoleCapabilities {

    /** The repository tag; a long list continues in tags named {@code ecs-iam-guard:capabilities:2} and so on. */
    public static final String TAG = "ecs-iam-guard:capabilities";
    /** IAM's limit on the inline policies of one role, whitespace excluded. */
    static final int MAX_POLICY_CHARACTERS = 10_240;

    private TaskRoleCapabilities() {
    }

    /** The declarations of a repository's capability tags, in tag-key order, each named by tag and position. */
    public static List<CapabilityDeclaration> fromTags(Map<String, String> tags) {
        List<CapabilityDeclaration> declarations = new ArrayList<>();
        new TreeMap<>(tags).forEach((key, value) -> {
            if (key.equals(TAG) || key.startsWith(TAG + ":")) {
                String[] items = value.strip().isEmpty() ? new String[0] : value.strip().split("[\\s+]+");
                for (int i = 0; i < items.length; i++) {
                    declarations.add(CapabilityDeclaration.parse(items[i], "tag " + key + " item " + (i + 1)));
                }
            }
        });
        return declarations;
    }

    /** The declarations of a JSON array such as the API's {@code capabilities}, named {@code field[i]}. */
    public static List<CapabilityDeclaration> fromList(List<String> texts, String field) {
        List<CapabilityDeclaration> declarations = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            declarations.add(CapabilityDeclaration.parse(texts.get(i), field + "[" + i + "]"));
        }
        return declarations;
    }

    /**
     * The scope of one service: the stack's account, the given regions, and the configured secret prefixes when
     * they name the service (else {@code {environment}/{service}/} and {@code /{environment}/{service}/}).
     */
    public static CapabilityScope scope(String service, AccountScope account, List<String> regions,
                                        ProvisioningConfig config) {
        return new CapabilityScope(service, account.partition(), account.account(), regions,
                own(config.secretsManagerPrefix(), "{environment}/{service}/", service, config),
                own(config.ssmParameterPrefix(), "/{environment}/{service}/", service, config));
    }

    private static String own(Optional<String> configured, String fallback, String service,
                              ProvisioningConfig config) {
        String prefix = config.expand(configured.orElse(fallback), service);
        return prefix.contains(service) ? prefix : config.expand(fallback, service);
    }

    /** The declaration strings, for storing or sending on (the same syntax the parser reads). */
    public static List<String> texts(List<CapabilityDeclaration> declarations) {
        return declarations.stream().map(CapabilityDeclaration::text).toList();
    }

    /** The task role's policy document, or empty when nothing is declared; throws on any bad declaration. */
    public static Optional<String> policy(List<CapabilityDeclaration> declarations, CapabilityScope scope) {
        List<Map<String, Object>> statements = statements(declarations, scope);
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        String document = Json.write(object("Version", "2012-10-17", "Statement", statements));
        if (document.replaceAll("\\s", "").length() > MAX_POLICY_CHARACTERS) {
            throw new CapabilityException(declarations.get(declarations.size() - 1).field(), "the "
                    + declarations.size() + " capabilities need a policy longer than IAM's " + MAX_POLICY_CHARACTERS
                    + " characters: declare fewer resources");
        }
        return Optional.of(document);
    }

    static List<Map<String, Object>> statements(List<CapabilityDeclaration> declarations, CapabilityScope scope) {
        Map<String, CapabilityDeclaration> unique = new LinkedHashMap<>();
        declarations.forEach(d -> unique.putIfAbsent(d.kind() + " " + d.effectiveAccess() + " " + d.resource()
                + " " + d.qualifier(), d));
        List<CapabilityDeclaration> all = List.copyOf(unique.values());
        List<Map<String, Object>> statements = new ArrayList<>();
        int index = 0;
        for (CapabilityDeclaration d : all) {
            index++;
            String sid = d.kind().sid() + (d.kind().accesses().size() > 1 ? d.effectiveAccess().sidPart() : "")
                    + (isSingleton(d.kind()) ? "" : String.valueOf(index));
            statements.addAll(switch (d.kind()) {
                case EXEC -> List.of(Statements.allow(sid, TaskRoleCapability.EXEC.actions(), List.of("*")));
                case XRAY -> List.of(Statements.allow(sid, TaskRoleCapability.XRAY.actions(), List.of("*")));
                case S3 -> StorageGrants.s3(d, scope, sid);
                case DYNAMODB -> StorageGrants.dynamodb(d, scope, sid);
                case EFS -> StorageGrants.efs(d, scope, sid);
                case SQS -> MessagingGrants.sqs(d, scope, sid);
                case SNS -> MessagingGrants.sns(d, scope, sid);
                case SES -> MessagingGrants.ses(d, scope, sid);
                case METRICS -> MessagingGrants.metrics(d, sid);
                case SECRETS -> SecretGrants.secrets(d, scope, sid);
                case SSM -> SecretGrants.ssm(d, scope, sid);
                case KMS -> SecretGrants.kms(d, scope, sid, all);
            });
        }
        return statements;
    }

    // exec and xray keep the statement ids they always had, so existing roles see no drift.
    private static boolean isSingleton(CapabilityKind kind) {
        return kind == CapabilityKind.EXEC || kind == CapabilityKind.XRAY;
    }
}
