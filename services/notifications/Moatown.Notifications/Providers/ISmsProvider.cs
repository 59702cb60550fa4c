using Moatown.Notifications.Model;

namespace Moatown.Notifications.Providers;

/// <summary>Hands one text to whoever delivers it. One attempt per call: retrying is the sender's job.</summary>
public interface ISmsProvider
{
    /// <summary>Stored with each message, so a status callback or an operator knows who holds it.</summary>
    string Name { get; }

    Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken);
}

/// <param name="To">E.164 number.</param>
/// <param name="ClientReference">The message's idempotency key: a provider that sees it again answers with the first message instead of sending a second.</param>
public sealed record SmsRequest(Guid MessageId, string To, string Text, MessageKind Kind, string ClientReference);
