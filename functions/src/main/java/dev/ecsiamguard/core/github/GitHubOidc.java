package dev.ecsiamguard.core.github;

import dev.ecsiamguard.core.policy.PrincipalKind;
import dev.ecsiamguard.core.policy.TrustGrant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GitHub's OIDC issuer as IAM sees it: provider URL and ARN, audience per partition, condition key names. */
public final class GitHubOidc {

    public static final String HOST = "token.actions.githubusercontent.com";
    public static final String URL = "https://" + HOST;
    public static final String AUDIENCE = "sts.amazonaws.com";
    public static final String AUDIENCE_CHINA = "sts.amazonaws.com.cn";
    public static final String ASSUME_ACTION = "sts:AssumeRoleWithWebIdentity";

    // GitHub Enterprise Cloud with a unique issuer appends `/<enterprise-slug>` to the host.
    private static final Pattern PROVIDER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:iam::(\\d{12}):oidc-provider/(" + Pattern.quote(HOST) + "(?:/[A-Za-z0-9_-]+)?)");

    private GitHubOidc() {
    }

    /** The audience IAM expects in this partition (China uses its own STS domain). */
    public static String audience(String partition) {
        return "aws-cn".equals(partition) ? AUDIENCE_CHINA : AUDIENCE;
    }

    public static String providerArn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":oidc-provider/" + HOST;
    }

    /** The issuer (host plus optional enterprise slug) of a GitHub provider ARN, or empty for other providers. */
    public static Optional<String> issuerOf(String federatedPrincipal) {
        Matcher m = PROVIDER_ARN.matcher(federatedPrincipal == null ? "" : federatedPrincipal);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    public static boolean isGitHubGrant(TrustGrant grant) {
        return grant.kind() == PrincipalKind.FEDERATED && issuerOf(grant.principal()).isPresent();
    }

    public static String subKey(String issuer) {
        return issuer + ":sub";
    }

    public static String audKey(String issuer) {
        return issuer + ":aud";
    }

    /** Accepts a provider URL as CloudTrail or IAM shows it (with or without `https://`, trailing slash). */
    public static boolean isGitHubUrl(String url) {
        if (url == null) {
            return false;
        }
        String u = url.trim();
        u = u.startsWith("https://") ? u.substring(8) : u;
        u = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        return u.equals(HOST);
    }
}
