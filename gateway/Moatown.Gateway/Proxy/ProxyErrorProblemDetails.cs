using Microsoft.AspNetCore.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace Moatown.Gateway.Proxy;

internal static class ProxyErrorProblemDetails
{
    /// <summary>
    /// A service's own response, errors included, reaches the client unchanged: the services
    /// already answer with problem details, and an empty 401/404 from them is deliberate.
    /// Only failures of the proxying itself (destination down, timed out, body cut off) get a
    /// problem-details body here, with a generic text so no internal host name leaks.
    /// </summary>
    public static IApplicationBuilder UseProxyErrorProblemDetails(this IApplicationBuilder proxy) =>
        proxy.Use(async (context, next) =>
        {
            // UseStatusCodePages would otherwise rewrite empty downstream error responses.
            var statusCodePages = context.Features.Get<IStatusCodePagesFeature>();
            if (statusCodePages is not null)
            {
                statusCodePages.Enabled = false;
            }

            await next(context);

            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || context.Response.HasStarted)
            {
                return;
            }

            var status = context.Response.StatusCode >= 400 ? context.Response.StatusCode : StatusCodes.Status502BadGateway;
            await ProblemResponses.WriteAsync(context, status, Title(status));
        });

    // YARP has already chosen the status; the titles stay generic on purpose.
    private static string Title(int status) => status switch
    {
        // Kestrel cut off a chunked body longer than Gateway:MaxRequestBodyBytes.
        StatusCodes.Status413PayloadTooLarge => "Request body too large.",
        StatusCodes.Status400BadRequest => "The request body could not be read.",
        StatusCodes.Status503ServiceUnavailable => "The service is unavailable.",
        StatusCodes.Status504GatewayTimeout => "The service did not answer in time.",
        _ => "The service could not be reached.",
    };
}
