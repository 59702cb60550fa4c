using Microsoft.Extensions.Options;
using Moatown.ServiceDefaults.Messaging;
using RabbitMQ.Client;

namespace Moatown.Campaigns.Broker;

/// <summary>
/// The error queues MassTransit moves failed messages to ("{queue}_error"): what is in them, and
/// moving them back or throwing them away. Shows headers (the fault, message id, type), never bodies.
/// </summary>
public sealed class DeadLetters(RabbitMqManagement management, IConfiguration configuration)
{
    public const string ErrorSuffix = "_error";
    private const string FaultHeaderPrefix = "MT-Fault-";

    public static bool IsErrorQueue(string queue) => queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) && queue.Length > ErrorSuffix.Length;

    public static string SourceOf(string errorQueue) => errorQueue[..^ErrorSuffix.Length];

    public async Task<IReadOnlyList<DeadLetterQueue>> ListAsync(int peek, CancellationToken cancellationToken)
    {
        var result = new List<DeadLetterQueue>();
        foreach (var queue in (await management.QueuesAsync(cancellationToken)).Where(q => IsErrorQueue(q.Name)).OrderBy(q => q.Name, StringComparer.Ordinal))
        {
            var messages = queue.Messages > 0 && peek > 0 ? await PeekAsync(queue.Name, peek, cancellationToken) : [];
            result.Add(new DeadLetterQueue(queue.Name, SourceOf(queue.Name), queue.Messages, messages));
        }
        return result;
    }

    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string queue, int count, CancellationToken cancellationToken) =>
        (await management.PeekAsync(queue, count, cancellationToken))
            .Select(m => new DeadLetter(
                m.Properties.MessageId,
                m.Properties.Type,
                m.Properties.ContentType,
                m.Redelivered,
                (m.Properties.Headers ?? []).ToDictionary(h => h.Key, h => h.Value.ValueKind == System.Text.Json.JsonValueKind.String ? h.Value.GetString() : h.Value.GetRawText())))
            .ToList();

    public Task<RabbitMqManagement.QueueInfo?> FindAsync(string queue, CancellationToken cancellationToken) =>
        IsErrorQueue(queue) ? management.QueueAsync(queue, cancellationToken) : Task.FromResult<RabbitMqManagement.QueueInfo?>(null);

    public Task DiscardAllAsync(string queue) => management.PurgeQueueAsync(queue);

    /// <summary>
    /// Moves the messages waiting now back to their source queue, one at a time: published with a
    /// confirm, then acknowledged. A crash in between leaves a copy in both (consumers' inboxes drop it).
    /// With a message id, moves or discards only that message and puts the others back.
    /// </summary>
    public async Task<int> MoveAsync(string queue, string? messageId, bool discard, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(configuration.GetConnectionString(MessagingExtensions.BrokerConnectionName)!),
            ClientProvidedName = "moatown-campaigns dead letters",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var waiting = await channel.MessageCountAsync(queue, cancellationToken);
        var moved = 0;
        var keep = new List<ulong>();
        for (var i = 0u; i < waiting; i++)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }
            if (messageId is not null && message.BasicProperties.MessageId != messageId)
            {
                keep.Add(message.DeliveryTag);
                continue;
            }
            if (!discard)
            {
                var properties = new BasicProperties(message.BasicProperties)
                {
                    // The fault belongs to the failed attempt; the replayed one starts clean.
                    Headers = message.BasicProperties.Headers?
                        .Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != "MT-Reason")
                        .ToDictionary(h => h.Key, h => h.Value),
                };
                await channel.BasicPublishAsync("", SourceOf(queue), mandatory: true, properties, message.Body, cancellationToken);
            }
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        foreach (var tag in keep)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }
        return moved;
    }
}

public sealed record DeadLetterQueue(string Queue, string SourceQueue, long Messages, IReadOnlyList<DeadLetter> Peeked);

/// <param name="Headers">MassTransit's fault headers (MT-Fault-ExceptionType, -Message, -StackTrace, MT-Reason…) and the rest; never the body.</param>
public sealed record DeadLetter(string? MessageId, string? Type, string? ContentType, bool Redelivered, IReadOnlyDictionary<string, string?> Headers);
