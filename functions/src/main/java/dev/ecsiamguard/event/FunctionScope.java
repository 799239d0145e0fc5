package dev.ecsiamguard.event;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ecsiamguard.core.Bounded;
import dev.ecsiamguard.core.provision.AccountScope;

/**
 * Where this function runs and may act: the partition and account from its own ARN (the Lambda {@link Context}),
 * the region from its environment (`AWS_REGION`). Never from the event: what an event names is checked against
 * this, and a mismatch is a rejection.
 */
public record FunctionScope(String partition, String account, String region) {

    public FunctionScope {
        AccountScope own = AccountScope.of(account, region);
        if (!own.partition().equals(partition)) {
            throw new IllegalStateException("function ARN partition `" + partition + "` does not match region `"
                    + region + "` (partition `" + own.partition() + "`)");
        }
    }

    /** From the invoked function's ARN (`arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:ALIAS]`). */
    public static FunctionScope of(Context context, String region) {
        String arn = context == null ? null : context.getInvokedFunctionArn();
        String[] parts = arn == null ? new String[0] : arn.split(":", -1);
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("lambda")
                || !parts[4].matches("\\d{12}")) {
            // Not input: the Lambda runtime always sets it. Thrown, so the invocation fails instead of guessing.
            throw new IllegalStateException("the invocation context carries no function ARN (got `"
                    + Bounded.value(String.valueOf(arn)) + "`): cannot tell which account this function may act in");
        }
        return new FunctionScope(parts[1], parts[4], region);
    }

    /** Where ARNs are built and resources provisioned: this account, this region. */
    public AccountScope accountScope() {
        return AccountScope.of(account, region);
    }

    /**
     * The region in which CloudTrail records the calls of IAM (a global service) in this partition, and the only
     * one where EventBridge delivers them: `us-east-1`, `cn-north-1` in China, `us-gov-west-1` in GovCloud.
     */
    public String globalRegion() {
        return switch (partition) {
            case "aws-cn" -> "cn-north-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> "us-east-1";
        };
    }

    /** Fails unless the account an event names is this function's. */
    public void requireAccount(String named, String what) {
        if (!account.equals(named)) {
            throw new InvalidEventException(what + " `" + named + "` is not this function's account `" + account
                    + "`: refused, nothing done");
        }
    }

    /** Fails unless the region is this function's, or, for a global service's call, the partition's global one. */
    public void requireRegion(String named, String what, boolean globalService) {
        if (region.equals(named) || globalService && globalRegion().equals(named)) {
            return;
        }
        throw new InvalidEventException(what + " `" + named + "` is not this function's region `" + region + "`"
                + (globalService ? " nor `" + globalRegion() + "`, where IAM's events are recorded" : "")
                + ": refused, nothing done");
    }

    /**
     * Fails unless an ARN is in this function's partition, and (where it names them) in its account and region.
     * IAM ARNs have no region; AWS managed policies have the account `aws`.
     */
    public void requireOwnArn(String arn, String what) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new InvalidEventException(what + " `" + arn + "` is not an ARN");
        }
        requirePartition(arn, what);
        if (!parts[3].isEmpty()) {
            requireRegion(parts[3], what + " region", false);
        }
        if (!parts[4].isEmpty() && !parts[4].equals("aws")) {
            requireAccount(parts[4], what + " account");
        }
    }

    /** Fails unless an ARN is in this function's partition (nothing can cross partitions). */
    public void requirePartition(String arn, String what) {
        String[] parts = arn.split(":", 3);
        if (parts.length < 3 || !parts[1].equals(partition)) {
            throw new InvalidEventException(what + " `" + arn + "` is not in this function's partition `"
                    + partition + "`: refused, nothing done");
        }
    }
}
