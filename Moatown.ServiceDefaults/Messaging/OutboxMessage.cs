namespace Moatown.ServiceDefaults.Messaging;

/// <summary>
/// An event waiting to be published. Written in the same transaction as the state change it
/// announces, so the change and the event exist together or not at all.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Also the published message id, so consumers can recognise redeliveries.</summary>
    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    /// <summary>W3C trace context of the request that caused the event, so the trace continues.</summary>
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? LastError { get; set; }
}
