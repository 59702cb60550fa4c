using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (Aspire connection string <paramref name="connectionName"/>),
    /// migrated at start-up, with its outbox relayed to the broker.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext, IMessagingDbContext
    {
        var signal = new OutboxSignal();
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddNpgsqlDbContext<TContext>(connectionName, configureDbContextOptions: options =>
            options.AddInterceptors(signal));

        // Registered before the relay: hosted services start in order, so the schema exists first.
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration(OutboxRelayOptions.Section);
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
