using Microsoft.Extensions.Configuration;

namespace Moatown.AppHost.Infrastructure;

internal static class InfrastructureExtensions
{
    /// <summary>
    /// Declares the PostgreSQL server ("postgres") and the RabbitMQ broker ("broker"). The mode
    /// comes from Infrastructure:Mode (container, local or auto); auto asks the container runtime.
    /// </summary>
    public static Infrastructure AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration["Infrastructure:Mode"] ?? "auto";
        var useContainers = mode switch
        {
            "container" => true,
            "local" => false,
            "auto" => ContainerRuntime.Answers(),
            _ => throw new InvalidOperationException($"Infrastructure:Mode must be container, local or auto, not '{mode}'."),
        };
        return useContainers ? AddContainers(builder) : LocalInfrastructure.Add(builder);
    }

    private static Infrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("moatown-postgres");
        var broker = builder.AddRabbitMQ("broker").WithDataVolume("moatown-broker").WithManagementPlugin();
        return new Infrastructure(
            name =>
            {
                var database = postgres.AddDatabase(name);
                return new Dependency(database, database);
            },
            new Dependency(broker, broker),
            ReferenceExpression.Create($"{broker.GetEndpoint("management")}/"));
    }
}

/// <summary>The infrastructure every service shares, whichever mode provides it.</summary>
internal sealed class Infrastructure(Func<string, Dependency> addDatabase, Dependency broker, ReferenceExpression brokerManagement)
{
    public Dependency Broker { get; } = broker;

    /// <summary>The broker's management HTTP API (subscribers' users and queues, dead letters).</summary>
    public ReferenceExpression BrokerManagement { get; } = brokerManagement;

    /// <summary>One database per service on the shared server.</summary>
    public Dependency AddDatabase(string name) => addDatabase(name);
}
