package dev.ecsiamguard.handler;

/** A fresh JVM for {@link PrimingTest}: builds every handler as the Lambda runtime does and runs the priming. */
public final class PrimingChild {

    private PrimingChild() {
    }

    public static void main(String[] args) throws Exception {
        new ProvisionOnRepositoryHandler();
        new ValidateTaskDefinitionHandler();
        new GitHubOidcHandler();
        new ApiHandler();
        System.out.println("primed " + Priming.runAll());
        System.out.println("serialization primed " + Priming.serializationPrimed());
        System.out.println("AWS managed policies cached: "
                + dev.ecsiamguard.aws.AccountRoleLookup.cachedManagedPolicies());
        System.out.println("environment cache entries: " + dev.ecsiamguard.aws.EnvironmentCaches.entries());
        System.out.println("role reads cached: " + dev.ecsiamguard.aws.RoleCache.size());
    }
}
