package dev.ecsiamguard.core.policy;

import java.util.regex.Pattern;

/** IAM refuses principals it cannot resolve; catching unrendered template placeholders here is the common case. */
final class PrincipalSyntax {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::(\\d{12}):\\S+");
    private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z0-9]{15,127}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private PrincipalSyntax() {
    }

    static void check(PrincipalKind kind, String value, String location) {
        boolean valid = switch (kind) {
            case AWS -> value.equals("*") || ACCOUNT.matcher(value).matches() || ARN.matcher(value).matches()
                    || UNIQUE_ID.matcher(value).matches();
            case SERVICE -> HOST.matcher(value).matches();
            case FEDERATED -> ARN.matcher(value).matches() || HOST.matcher(value).matches();
            case CANONICAL_USER -> !value.isBlank();
            case ANY -> value.equals("*");
        };
        if (!valid) {
            throw new PolicyParseException(location, "not a valid " + kind.jsonKey() + " principal: `" + value + "`");
        }
    }
}
