using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Authorization;

/// <summary>One route of one running service, as its endpoint data source lists it.</summary>
public sealed record ServiceEndpoint(string Service, string Method, string Pattern, Endpoint Endpoint)
{
    /// <summary>The matrix file's key: "campaigns GET /api/campaigns/{id:guid}".</summary>
    public string Key => $"{Service} {Method} {Pattern}";

    public IReadOnlyList<string> Parameters =>
        ((RouteEndpoint)Endpoint).RoutePattern.Parameters.Select(p => p.Name).ToList();
}

public static class ServiceEndpoints
{
    /// <summary>Every route endpoint of the five services, once per HTTP method (GET for those that take any).</summary>
    public static IReadOnlyList<ServiceEndpoint> Of(SystemFixture system) =>
    [
        .. Of("identity", system.Identity.Services),
        .. Of("campaigns", system.Campaigns.Services),
        .. Of("signing", system.Signing.Services),
        .. Of("documents", system.Documents.Services),
        .. Of("notifications", system.Notifications.Services),
    ];

    public static HttpClient Client(SystemFixture system, string service) => service switch
    {
        "identity" => system.Identity.CreateClient(),
        "campaigns" => system.Campaigns.CreateClient(),
        "signing" => system.Signing.CreateClient(),
        "documents" => system.Documents.CreateClient(),
        "notifications" => system.Notifications.CreateClient(),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    private static IEnumerable<ServiceEndpoint> Of(string service, IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ServiceEndpoint(service, method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint)))
            .DistinctBy(e => e.Key);

    /// <summary>
    /// Whether the endpoint says who may call it: a named policy or roles, or anonymous on purpose.
    /// The fallback policy (any authenticated caller) is a safety net, not a declaration; a bare
    /// [Authorize] neither.
    /// </summary>
    public static bool DeclaresItsPolicy(this ServiceEndpoint endpoint) =>
        endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
        || endpoint.Endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null
        || endpoint.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles));
}
