using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace Moatown.Gateway.Proxy;

internal static class RequestBodyLimit
{
    /// <summary>
    /// Refuses a request whose declared Content-Length exceeds Kestrel's body limit before any
    /// byte reaches a service. Kestrel itself only notices while the body is being read, by which
    /// time YARP has already opened the request to the destination. Chunked bodies without a
    /// length are still cut off by Kestrel mid-stream; <see cref="ProxyErrorProblemDetails"/>
    /// turns that into a 413 too.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder proxy) =>
        proxy.Use(async (context, next) =>
        {
            // YARP applies a route's own MaxRequestBodySize (the roll import allows 50 MB) only at the
            // end of the proxy pipeline, after this check: read the route's value here first.
            var limit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize switch
            {
                null => context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize,
                -1 => null,
                var routeLimit => routeLimit,
            };
            if (limit is not null && context.Request.ContentLength > limit)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    "Request body too large.", $"The limit is {limit} bytes.");
                return;
            }

            await next(context);
        });
}
