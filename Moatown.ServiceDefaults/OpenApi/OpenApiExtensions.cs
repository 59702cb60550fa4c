using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Moatown.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Serves the service's OpenAPI document at /openapi/v1.json; the gateway republishes each
    /// one under /docs. The document describes the API, not data, so it is public.
    /// </summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
