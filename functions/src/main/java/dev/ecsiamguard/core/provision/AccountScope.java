package dev.ecsiamguard.core.provision;

/** The partition, account and region resources are provisioned in; every ARN is built from it. */
public record AccountScope(String partition, String account, String region) {

    public AccountScope {
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account `" + account + "` is not a 12-digit AWS account id");
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("region `" + region + "` is not an AWS region name");
        }
    }

    /** The partition follows from the region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`. */
    public static AccountScope of(String account, String region) {
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return new AccountScope(partition, account, region);
    }

    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    public String roleArn(String path, String name) {
        return "arn:" + partition + ":iam::" + account + ":role" + path + name;
    }
}
