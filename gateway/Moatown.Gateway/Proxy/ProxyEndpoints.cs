using Moatown.Gateway;
using Moatown.Gateway.Proxy;

namespace Microsoft.AspNetCore.Builder;

internal static class ProxyEndpoints
{
    /// <summary>
    /// Maps the YARP routes from the ReverseProxy configuration section. The pipeline is YARP's
    /// default one with the gateway's body-size check in front and error translation around it.
    /// </summary>
    public static void MapGatewayProxy(this WebApplication app)
    {
        // Everything else goes to the web client's pages ("/"), but an API address that no service
        // serves is an API error, and services' internal endpoints are never reachable from outside.
        foreach (var prefix in new[] { "/api/{**rest}", "/internal/{**rest}" })
        {
            app.Map(prefix, (HttpContext context) => ProblemResponses.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found",
                "No API answers at this address. The API reference is at /docs."));
        }
        app.MapReverseProxy(proxy =>
        {
            proxy.UseProxyErrorProblemDetails();
            proxy.UseRequestBodyLimit();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
    }
}
