using Microsoft.EntityFrameworkCore;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;
using Moatown.Notifications.Templates;
using Moatown.ServiceDefaults.PersonalData;
using Npgsql;

namespace Moatown.Notifications.Sending;

/// <summary>
/// The one way into the send queue, for the event consumers: renders the template, encrypts the
/// number and the text, and stores the message once per idempotency key. Called inside a consumer's
/// <c>HandleOnceAsync</c>, the message commits with the consumer's inbox row.
/// </summary>
public sealed class OutgoingMessages(
    NotificationsDbContext db,
    PersonalDataProtector protector,
    SendingSignal signal,
    TimeProvider time)
{
    /// <exception cref="TemplateRenderException">Unknown template, or values that do not fit it.</exception>
    /// <exception cref="ArgumentException">The number is not a Korean mobile number, or the text is too long for an LMS.</exception>
    public async Task<QueuedMessage> QueueAsync(OutgoingMessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        if (request.IdempotencyKey.Length > 200)
        {
            throw new ArgumentException("An idempotency key is at most 200 characters.", nameof(request));
        }
        var existing = await FindAsync(request.IdempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return new QueuedMessage(existing.Value, Queued: false);
        }

        if (!MessageTemplates.TryFind(request.Template, out var template))
        {
            throw new TemplateRenderException(request.Template, "no such template");
        }
        var phone = KoreanMobile.ToE164(request.RecipientPhone)
            ?? throw new ArgumentException("The recipient is not a Korean mobile number.", nameof(request));
        var text = template.Render(request.Values);
        if (!MessageLength.FitsLms(text))
        {
            throw new ArgumentException($"The rendered text is over {MessageLength.LmsMaxBytes} bytes.", nameof(request));
        }

        var now = time.GetUtcNow();
        var message = new OutgoingMessage
        {
            Id = Guid.CreateVersion7(now),
            IdempotencyKey = request.IdempotencyKey,
            CampaignId = request.CampaignId,
            HolderId = request.HolderId,
            Purpose = template.Purpose,
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            RecipientPhone = protector.Protect(phone, MessageProtection.Phone),
            RecipientPhoneIndex = protector.BlindIndex(phone, MessageProtection.PhoneIndex),
            Text = protector.Protect(text, MessageProtection.Text),
            Kind = MessageLength.KindOf(text),
            Status = MessageStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
        };
        db.OutgoingMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                                           && db.Database.CurrentTransaction is null)
        {
            // Someone queued the same key a moment ago: theirs is the message. Inside a caller's
            // transaction the transaction is spoiled, so the exception goes up and the caller retries.
            db.Entry(message).State = EntityState.Detached;
            var winner = await FindAsync(request.IdempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("Idempotency key conflict without a stored message.", ex);
            return new QueuedMessage(winner, Queued: false);
        }
        signal.Notify();
        return new QueuedMessage(message.Id, Queued: true);
    }

    private async Task<Guid?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.OutgoingMessages.Local.FirstOrDefault(m => m.IdempotencyKey == idempotencyKey)?.Id
        ?? await db.OutgoingMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey == idempotencyKey)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
