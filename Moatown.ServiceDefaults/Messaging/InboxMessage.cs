namespace Moatown.ServiceDefaults.Messaging;

/// <summary>
/// A message a consumer has already handled. Its key (message id, consumer) makes a redelivered
/// message a no-op, in the same transaction as the consumer's own change.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
