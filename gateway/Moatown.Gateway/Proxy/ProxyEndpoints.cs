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
