using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Moatown.ServiceDefaults.Auditing;

public static class AuditExtensions
{
    /// <summary>
    /// The service's audit trail in its own database (every service database has one: AddServiceDatabase
    /// calls this), and the periodic time-stamp of its head.
    /// </summary>
    public static IHostApplicationBuilder AddAuditTrail<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(IAuditTrail)))
        {
            return builder;
        }
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IAuditTrail, AuditTrail<TContext>>();
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        builder.Services.AddHttpClient(AuditAnchoring<TContext>.HttpClientName);
        builder.Services.AddHostedService<AuditAnchoring<TContext>>();
        return builder;
    }
}
