package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.AwsSettings;
import dev.ecsiamguard.aws.OrganizationAccounts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The accounts a sweep covers and the clients that read each: the caller's own account with its own
 * credentials, every other ACTIVE account of the organization through its read-only member role (assumed with
 * STS, refreshed by the SDK's provider). Thread-safe: batches of several accounts are judged in parallel.
 */
public final class SweepAccounts {

    /** One account to sweep. */
    public record Target(String account, String name) {
    }

    /** Retries per call for sweep clients: 10 % throttling stays far from exhausting them. */
    public static final int MAX_ATTEMPTS = 10;

    private final SweepConfig config;
    private final AwsClients own;
    private final String ownAccount;
    private final Map<String, AwsClients> members = new ConcurrentHashMap<>();

    public SweepAccounts(SweepConfig config, AwsClients own, String ownAccount) {
        this.config = config;
        this.own = own;
        this.ownAccount = ownAccount;
    }

    public String ownAccount() {
        return ownAccount;
    }

    /** The caller's account alone, or every ACTIVE account of its organization (others are not swept). */
    public List<Target> targets() {
        if (!config.organization()) {
            return List.of(new Target(ownAccount, ""));
        }
        return new OrganizationAccounts(own).list().stream().filter(a -> a.status().equals("ACTIVE"))
                .map(a -> new Target(a.id(), a.name())).toList();
    }

    /** Clients for one account; for a member account this assumes its role now, so an unreachable one throws. */
    public AwsClients clientsFor(String account) {
        if (account.equals(ownAccount)) {
            return own;
        }
        return members.computeIfAbsent(account, this::assume);
    }

    /** Calls made by every client of this sweep, for the calls-per-item figure. */
    public long callCount() {
        return own.callCount() + members.values().stream().mapToLong(AwsClients::callCount).sum();
    }

    private AwsClients assume(String account) {
        AwsSettings settings = own.settings();
        String roleArn = "arn:" + partition(settings.region().id()) + ":iam::" + account + ":role/"
                + config.memberRoleName();
        StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(own.sts()).refreshRequest(r -> r.roleArn(roleArn).roleSessionName("ecs-iam-guard-sweep"))
                .build();
        credentials.resolveCredentials();
        return new AwsClients(new AwsSettings(settings.region(), settings.endpoints(), settings.defaultEndpoint(),
                credentials, settings.interceptors()), MAX_ATTEMPTS);
    }

    private static String partition(String region) {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
