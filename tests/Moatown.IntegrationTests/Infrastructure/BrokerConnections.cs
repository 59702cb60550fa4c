using Moatown.Testing;
using RabbitMQ.Client;

namespace Moatown.IntegrationTests.Infrastructure;

public static class BrokerConnections
{
    /// <summary>A plain AMQP connection, to look at queues the way an operator would.</summary>
    public static Task<IConnection> ConnectAsync(this LocalRabbitMq broker) =>
        new ConnectionFactory { Uri = broker.ConnectionUri }.CreateConnectionAsync();
}
