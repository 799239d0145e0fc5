package dev.ecsiamguard.cli;

import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.core.roles.RoleLookup;
import java.util.Map;

/**
 * Builds the "roles from the account" lookup for {@code --roles account}; a seam of its own so the IAM-backed
 * adapter (in {@code aws/}) plugs in without the command line knowing the SDK, and tests can pass a fake.
 */
@FunctionalInterface
public interface AccountRoleLookupFactory {

    /** For tests and builds without account access: explains the alternatives. */
    AccountRoleLookupFactory NOT_AVAILABLE = env -> {
        throw new UnsupportedOperationException("role checks from the account are not available here; save the "
                + "roles with `aws iam get-account-authorization-details > account.json` and pass "
                + "--roles gaad:account.json, or pass --roles skip");
    };

    /** Reads roles through the IAM API of the account the environment's credentials (or AWS_ENDPOINT_URL) reach. */
    AccountRoleLookupFactory IAM_API = env -> {
        AwsClients clients = new AwsClients(AwsSettings.fromEnvironment(env));
        return new AccountRoleLookup(clients.iam(), clients.accountId(env));
    };

    /**
     * Creates a lookup over the account the environment points at (credentials, region, AWS_ENDPOINT_URL).
     *
     * @throws UnsupportedOperationException when no account source is available in this build
     */
    RoleLookup create(Map<String, String> env);
}
