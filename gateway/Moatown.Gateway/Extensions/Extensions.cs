using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Moatown.Gateway;
using Moatown.Gateway.RateLimiting;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .Validate(options => options.IsValid(), "Gateway limits must be positive.")
            .ValidateOnStart();

        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
            {
                // One limit for every route: the gateway is where oversized bodies are refused.
                kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodyBytes;
                // The server banner only helps attackers pick exploits.
                kestrel.AddServerHeader = false;
            });

        builder.TrustOnlyConfiguredProxies();
        builder.AddGatewayRateLimiting();

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // Destinations are service names ("http://campaigns") resolved from the
            // services__{name}__http__0 variables that Aspire injects.
            .AddServiceDiscoveryDestinationResolver();
    }

    /// <summary>
    /// The gateway is the public edge: a client-sent X-Forwarded-For must never become the
    /// client address (it is signing evidence downstream and the rate-limit key here). Forwarded
    /// headers are honoured only when a load balancer in front is named in Network:TrustedProxies.
    /// </summary>
    private static void TrustOnlyConfiguredProxies(this IHostApplicationBuilder builder)
    {
        var trustedProxies = builder.Configuration.GetSection("Network:TrustedProxies").Get<string[]>() ?? [];
        if (trustedProxies.Length == 0)
        {
            builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
                options.ForwardedHeaders = ForwardedHeaders.None);
        }
    }
}
