using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.PublicEvents;
using Moatown.Contracts.Public;

namespace Moatown.Campaigns.Broker;

/// <summary>
/// A city system's access to the public events: its own RabbitMQ user, its own durable queue bound
/// to the public exchange with the routing keys it may see, and permission to read that queue and
/// nothing else (configure none, write none). The broker is the record: nothing is kept here.
/// </summary>
public sealed partial class SubscriberAccess(RabbitMqManagement management, IOptions<PublicEventOptions> options)
{
    public const string QueuePrefix = "moatown.subscriber.";
    public const string UserPrefix = "subscriber-";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    public static partial Regex ValidName();

    public static string QueueOf(string name) => QueuePrefix + name;

    public static string UserOf(string name) => UserPrefix + name;

    /// <summary>"moatown.jungnang.#" per district; every district's events with none named.</summary>
    public static IReadOnlyList<string> RoutingKeysFor(IReadOnlyList<string> districts) =>
        districts.Count == 0
            ? [$"{PublicEventTypes.Prefix}.#"]
            : districts.Select(d => $"{PublicEventTypes.Prefix}.{DistrictCodes.Of(d)}.#").Distinct(StringComparer.Ordinal).ToList();

    public async Task<CreatedSubscriber> CreateAsync(string name, IReadOnlyList<string> districts, CancellationToken cancellationToken)
    {
        var exchange = options.Value.Exchange;
        var queue = QueueOf(name);
        var user = UserOf(name);
        // 32 random bytes, shown once: the broker keeps only its hash.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var keys = RoutingKeysFor(districts);

        await management.DeclareTopicExchangeAsync(exchange);
        await management.DeclareQueueAsync(queue);
        foreach (var key in keys)
        {
            await management.BindQueueAsync(exchange, queue, key);
        }
        await management.PutUserAsync(user, password);
        // Regexes over resource names: "^$" matches none; read only its own queue.
        await management.SetPermissionsAsync(user, configure: "^$", write: "^$", read: $"^{Regex.Escape(queue)}$");
        return new CreatedSubscriber(name, user, password, queue, exchange, keys);
    }

    public async Task<IReadOnlyList<SubscriberInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var queues = (await management.QueuesAsync(cancellationToken)).Where(q => q.Name.StartsWith(QueuePrefix, StringComparison.Ordinal));
        var result = new List<SubscriberInfo>();
        foreach (var queue in queues)
        {
            var bindings = await management.QueueBindingsAsync(queue.Name, cancellationToken);
            var name = queue.Name[QueuePrefix.Length..];
            result.Add(new SubscriberInfo(name, UserOf(name), queue.Name, queue.Messages,
                bindings.Where(b => b.Source == options.Value.Exchange).Select(b => b.RoutingKey).Order(StringComparer.Ordinal).ToList()));
        }
        return result;
    }

    /// <summary>Deletes the user (its connections close) and the queue with what is in it.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        var exists = await management.QueueAsync(QueueOf(name), cancellationToken) is not null;
        await management.DeleteUserAsync(UserOf(name));
        await management.DeleteQueueAsync(QueueOf(name));
        return exists;
    }
}

/// <param name="Password">Shown once; not stored by Moatown.</param>
public sealed record CreatedSubscriber(string Name, string Username, string Password, string Queue, string Exchange, IReadOnlyList<string> RoutingKeys);

public sealed record SubscriberInfo(string Name, string Username, string Queue, long Messages, IReadOnlyList<string> RoutingKeys);
