using System.Diagnostics;
using System.Text.Json;
using Moatown.Contracts;

namespace Moatown.ServiceDefaults.Messaging;

public static class Outbox
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues an event in the service's outbox. It is saved by the caller's next SaveChanges,
    /// in the caller's transaction, and published by the relay after commit.
    /// </summary>
    public static OutboxMessage Enqueue<TEvent>(this IMessagingDbContext db, TEvent @event, DateTimeOffset now)
        where TEvent : class
    {
        var activity = Activity.Current;
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = EventTypes.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(@event, SerializerOptions),
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            OccurredAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
