using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Moatown.Gateway.RateLimiting;

/// <summary>
/// Per-client-address limits for the routes anyone can call without a token. A YARP route opts
/// in with <c>"RateLimiterPolicy": "anonymous"</c> (sign-in, discovery and, later, resident
/// entry points) or <c>"api-reference"</c> (the OpenAPI documents behind /docs). Each policy has
/// its own budget, so reading the docs, which loads all five documents at once, never uses up
/// sign-in. Authenticated routes are not limited here; each service knows its own callers.
/// </summary>
internal static class GatewayRateLimiting
{
    public const string Anonymous = "anonymous";
    public const string ApiReference = "api-reference";

    public static void AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.AddPolicy(Anonymous, context => PerClient(context, limits => limits.Anonymous));
            options.AddPolicy(ApiReference, context => PerClient(context, limits => limits.ApiReference));
        });
    }

    private static RateLimitPartition<string> PerClient(
        HttpContext context, Func<GatewayOptions.RateLimitOptions, GatewayOptions.FixedWindowLimit> select)
    {
        var limit = select(context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits);
        return RateLimitPartition.GetFixedWindowLimiter(ClientPartitionKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            // Queuing would only hold connections open for a caller that is already too fast.
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// One budget per client address. IPv6 clients usually own a whole /64, so they are keyed by
    /// that prefix; otherwise rotating the interface id would reset the limit on every request.
    /// </summary>
    private static string ClientPartitionKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            // Whole seconds, rounded up, so a client that waits exactly this long is let in.
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await ProblemResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            "Too many requests.", "Wait before retrying; the limit is per client address.",
            // ASP.NET Core has no default type link for 429; RFC 6585 defines the status.
            type: "https://tools.ietf.org/html/rfc6585#section-4");
    }
}
