namespace Moatown.AppHost.Infrastructure;

internal static class ServiceWiring
{
    /// <summary>The service's own database: its connection string, started before the service.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> service, Dependency database) =>
        service.WithReference(database.Connection).WaitFor(database.Ready);

    public static IResourceBuilder<ProjectResource> WithBroker(this IResourceBuilder<ProjectResource> service, Dependency broker) =>
        service.WithReference(broker.Connection).WaitFor(broker.Ready);

    /// <summary>Where the service fetches the identity service's signing keys (internal address).</summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity) =>
        service.WithEnvironment("Identity__Url", identity.GetEndpoint("http")).WaitFor(identity);

    /// <summary>Identity seeds this service client, allowed to ask for tokens of the scopes named.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceClient(this IResourceBuilder<ProjectResource> identity,
        string clientId, IResourceBuilder<ParameterResource> secret, params string[] scopes)
    {
        identity.WithEnvironment($"Identity__ServiceClients__{clientId}__Secret", secret);
        for (var i = 0; i < scopes.Length; i++)
        {
            identity.WithEnvironment($"Identity__ServiceClients__{clientId}__Scopes__{i}", scopes[i]);
        }
        return identity;
    }

    /// <summary>The service's own credentials as that service client, for calls to other services.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceCredentials(this IResourceBuilder<ProjectResource> service,
        string clientId, IResourceBuilder<ParameterResource> secret) =>
        service.WithEnvironment("ServiceClient__Id", clientId).WithEnvironment("ServiceClient__Secret", secret);
}
