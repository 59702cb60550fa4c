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
}
