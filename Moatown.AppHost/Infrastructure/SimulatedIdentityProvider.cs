namespace Moatown.AppHost.Infrastructure;

internal static class SimulatedIdentityProvider
{
    /// <summary>Where the provider sends the resident back: identity's callback, through the gateway.</summary>
    public const string CallbackPath = "/api/identity/resident-verifications/provider/callback";

    private const string ClientId = "moatown-identity";
    private const string Settings = "Identity__Residents__Providers__simulated__";

    /// <summary>
    /// Development only: the simulated certificate provider (tools/Moatown.SimulatedIdentityProvider), registered
    /// with identity as provider "simulated" exactly as a real one would be (docs/identity-providers.md).
    /// Its page must open in the resident's browser, so its endpoint is external; identity's backchannel
    /// token call uses the same address.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSimulatedIdentityProvider(this IResourceBuilder<ProjectResource> identity,
        IDistributedApplicationBuilder builder, EndpointReference publicUrl)
    {
        var clientSecret = builder.AddSecretParameter("simulated-provider-client-secret", secrets => secrets.SimulatedProviderClientSecret);
        var connectingInformationKey = builder.AddSecretParameter("simulated-provider-ci-key",
            secrets => secrets.SimulatedProviderConnectingInformationKey);

        var provider = builder.AddProject<Projects.Moatown_SimulatedIdentityProvider>("simulated-identity-provider")
            .WithExternalHttpEndpoints()
            .WithEnvironment($"SimulatedProvider__Clients__{ClientId}__Secret", clientSecret)
            .WithEnvironment($"SimulatedProvider__Clients__{ClientId}__RedirectUris__0", ReferenceExpression.Create($"{publicUrl}{CallbackPath}"))
            .WithEnvironment("SimulatedProvider__ConnectingInformationKey", connectingInformationKey)
            .WithHttpHealthCheck("/health");

        // Identity does not wait for it: only residents without a phone number on the roll need it, and
        // identity's own start (tokens for every service) should not depend on a stand-in.
        var endpoint = provider.GetEndpoint("http");
        return identity
            .WithEnvironment($"{Settings}AuthorizeUrl", ReferenceExpression.Create($"{endpoint}/authorize"))
            .WithEnvironment($"{Settings}TokenUrl", ReferenceExpression.Create($"{endpoint}/token"))
            .WithEnvironment($"{Settings}ClientId", ClientId)
            .WithEnvironment($"{Settings}ClientSecret", clientSecret)
            .WithEnvironment($"{Settings}DisplayName", "모의 인증서 (개발용)");
    }
}
