using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.ServiceDefaults.Inspection;

public static class InspectionExtensions
{
    /// <summary>The common checks every service database gets (AddServiceDatabase calls this).</summary>
    public static IHostApplicationBuilder AddServiceInspection<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.TryAddSingleton(new PersonalDataColumns([]));
        builder.Services.TryAddScoped<ServiceInspector<TContext>>();
        return builder;
    }

    /// <summary>The columns this service keeps personal data in; the inspection counts what is and is not ciphertext.</summary>
    public static IHostApplicationBuilder AddPersonalDataColumns(this IHostApplicationBuilder builder, params PersonalDataColumn[] columns)
    {
        builder.Services.RemoveAll<PersonalDataColumns>();
        builder.Services.AddSingleton(new PersonalDataColumns(columns));
        return builder;
    }

    /// <summary>
    /// <c>GET /internal/inspection</c>: this service's controls, measured now, for the identity service's
    /// inspection report (its service client only).
    /// </summary>
    public static RouteHandlerBuilder MapServiceInspection<TContext>(this IEndpointRouteBuilder app, string scope)
        where TContext : DbContext =>
        app.MapGet("/internal/inspection", async (HttpContext http, CancellationToken cancellationToken) =>
                TypedResults.Ok(await http.RequestServices.GetRequiredService<ServiceInspector<TContext>>().InspectAsync(cancellationToken)))
            .WithName($"{scope}-inspection")
            .RequireAuthorization(Policies.ServiceCaller(scope, ServiceClients.Identity))
            .ExcludeFromDescription();
}
