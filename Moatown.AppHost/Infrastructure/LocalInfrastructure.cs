using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Moatown.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from the machine's own packages, run by the AppHost as executables
/// on their own ports with data in the state folder, so they never touch a system-wide instance
/// and stop when the AppHost stops.
/// </summary>
internal static class LocalInfrastructure
{
    public static Infrastructure Add(IDistributedApplicationBuilder builder)
    {
        var state = StateDirectory.Of(builder);
        var secrets = DevelopmentSecrets.LoadOrCreate(state);
        var scripts = Path.Combine(builder.AppHostDirectory, "infra");
        var postgresPort = builder.Configuration.GetValue("Infrastructure:PostgresPort", 55432);
        var brokerPort = builder.Configuration.GetValue("Infrastructure:BrokerPort", 55672);
        var managementPort = builder.Configuration.GetValue("Infrastructure:BrokerManagementPort", 55673)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

        var postgresPassword = builder.AddParameter("postgres-password", secrets.PostgresPassword, publishValueAsDefault: false, secret: true);
        var postgres = builder.AddExecutable("postgres", "bash", scripts, Path.Combine(scripts, "postgres.sh"))
            .WithEnvironment("MOATOWN_PG_DATA", Path.Combine(state, "postgres"))
            .WithEnvironment("MOATOWN_PG_PORT", postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("MOATOWN_PG_PASSWORD", postgresPassword)
            .WithHealthCheck("postgres-ready");
        builder.Services.AddHealthChecks().AddCheck("postgres-ready",
            new PostgresReadyCheck(PostgresConnectionString(postgresPort, secrets.PostgresPassword, "postgres")));

        var brokerPassword = builder.AddParameter("broker-password", secrets.BrokerPassword, publishValueAsDefault: false, secret: true);
        var brokerServer = builder.AddExecutable("broker-server", "bash", scripts, Path.Combine(scripts, "rabbitmq.sh"))
            .WithEnvironment("MOATOWN_RABBITMQ_DATA", Path.Combine(state, "rabbitmq"))
            .WithEnvironment("MOATOWN_RABBITMQ_PORT", brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("MOATOWN_RABBITMQ_USER", BrokerUser)
            .WithEnvironment("MOATOWN_RABBITMQ_PASSWORD", brokerPassword)
            // The management API: city systems' subscriber users and queues, dead letters.
            .WithEnvironment("MOATOWN_RABBITMQ_MANAGEMENT_PORT", managementPort)
            .WithHealthCheck("broker-ready");
        builder.Services.AddHealthChecks().AddCheck("broker-ready",
            new BrokerReadyCheck(new Uri($"amqp://{BrokerUser}:{secrets.BrokerPassword}@127.0.0.1:{brokerPort}/")));

        var broker = builder.AddConnectionString("broker",
            ReferenceExpression.Create($"amqp://{BrokerUser}:{brokerPassword}@127.0.0.1:{brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/"));

        return new Infrastructure(
            name =>
            {
                var database = builder.AddConnectionString(name, ReferenceExpression.Create(
                    $"Host=127.0.0.1;Port={postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username=postgres;Password={postgresPassword};Database={name}"));
                return new Dependency(database, postgres);
            },
            new Dependency(broker, brokerServer),
            ReferenceExpression.Create($"http://127.0.0.1:{managementPort}/"));
    }

    private const string BrokerUser = "moatown";

    private static string PostgresConnectionString(int port, string password, string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database={database};Timeout=3";
}
