using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Inspection;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (Aspire connection string <paramref name="connectionName"/>),
    /// migrated at start-up by its owner and used at run time as the service's runtime role, with its
    /// outbox relayed to the broker and its audit trail.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext, IMessagingDbContext
    {
        var owner = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        var connections = ServiceDatabaseConnections.From(owner, builder.Configuration[ServiceDatabaseConnections.RuntimeRoleSetting]);
        // Everything that reads the connection string from here on (the DbContext, listeners) runs as the runtime role.
        builder.Configuration[$"ConnectionStrings:{connectionName}"] = connections.RuntimeConnectionString;
        builder.Services.AddSingleton(connections);

        var signal = new OutboxSignal();
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddNpgsqlDbContext<TContext>(connectionName, configureDbContextOptions: options =>
            options.AddInterceptors(signal));

        // Registered before the relay: hosted services start in order, so the schema exists first.
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration(OutboxRelayOptions.Section);
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.AddAuditTrail<TContext>();
        builder.AddServiceInspection<TContext>();
        return builder;
    }
}
