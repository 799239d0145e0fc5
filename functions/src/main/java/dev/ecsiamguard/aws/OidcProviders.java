package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.github.OidcProviderState;
import dev.ecsiamguard.core.provision.Change;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** Reads GitHub's OIDC provider by its ARN (no listing needed) and creates it; never updates or deletes one. */
public final class OidcProviders {

    private final IamClient iam;

    public OidcProviders(IamClient iam) {
        this.iam = iam;
    }

    public OidcProviderState read(String arn) {
        GetOpenIdConnectProviderResponse provider;
        try {
            provider = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        } catch (NoSuchEntityException e) {
            return OidcProviderState.absent(arn);
        }
        return new OidcProviderState(true, arn, provider.clientIDList(), provider.thumbprintList());
    }

    public boolean apply(Change change) {
        if (!(change instanceof Change.CreateOidcProvider c)) {
            return false;
        }
        iam.createOpenIDConnectProvider(r -> r.url(c.url()).clientIDList(c.clientIds())
                .tags(new TreeMap<>(c.tags()).entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
        return true;
    }
}
