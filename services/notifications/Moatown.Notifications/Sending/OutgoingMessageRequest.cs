namespace Moatown.Notifications.Sending;

/// <summary>
/// What a consumer asks to be sent. The phone number and the values (link, code) live only in memory
/// and, encrypted, in the message row.
/// </summary>
/// <param name="IdempotencyKey">Stable for the thing being announced (e.g. "invitation:{invitationId}"): asking twice sends once.</param>
/// <param name="Template">"invitation.v1", "reminder.v1", "verification-code.v1".</param>
/// <param name="RecipientPhone">A Korean mobile number in any common spelling; stored as E.164.</param>
public sealed record OutgoingMessageRequest(
    string IdempotencyKey,
    Guid CampaignId,
    Guid HolderId,
    string Template,
    string RecipientPhone,
    IReadOnlyDictionary<string, string> Values);

/// <param name="Queued">False when the key had already queued this message (nothing new was stored).</param>
public sealed record QueuedMessage(Guid MessageId, bool Queued);
