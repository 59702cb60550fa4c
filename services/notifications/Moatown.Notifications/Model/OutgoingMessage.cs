namespace Moatown.Notifications.Model;

/// <summary>
/// One text message to one resident, from the moment it is asked for until the provider reports
/// its fate. Only pseudonymous ids are kept in the clear: the number and the text (which may hold a
/// code or a personal link) are encrypted, and the number is found again by its blind index alone.
/// </summary>
public sealed class OutgoingMessage
{
    public Guid Id { get; init; }
    /// <summary>The caller's key for this request: the same key never queues a second message.</summary>
    public required string IdempotencyKey { get; init; }
    public Guid CampaignId { get; init; }
    public Guid HolderId { get; init; }
    public required string Purpose { get; init; }
    public required string TemplateId { get; init; }
    public int TemplateVersion { get; init; }
    /// <summary>E.164 number, encrypted (<see cref="MessageProtection.Phone"/>).</summary>
    public required string RecipientPhone { get; init; }
    /// <summary>Blind index of the E.164 number: the per-number throttle counts by it.</summary>
    public required string RecipientPhoneIndex { get; init; }
    /// <summary>The rendered text, encrypted (<see cref="MessageProtection.Text"/>).</summary>
    public required string Text { get; init; }
    public MessageKind Kind { get; init; }
    public MessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset QueuedAt { get; init; }
    /// <summary>When the sender may next try: after a backoff, or when the number's throttle window frees up.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    /// <summary>Why the last attempt failed, in the provider's or the runtime's terms; never the number or the text.</summary>
    public string? LastError { get; set; }
}
