using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Moatown.Contracts.Identity;
using Moatown.Notifications.Data;
using Moatown.Notifications.Sending;
using Moatown.Notifications.Templates;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Notifications.Consumers;

/// <summary>
/// Queues the text message with a verification code, to the phone number on the campaign's roll
/// (asked of the campaigns service now: identity never knows it). The code arrives sealed for this
/// service alone. Once per event (inbox) and once per challenge (idempotency key); a code that has
/// already expired is not sent, since it could only confuse.
/// </summary>
public sealed partial class VerificationCodeRequestedConsumer(
    NotificationsDbContext db, OutgoingMessages messages, IHttpClientFactory http, VerificationCodeSeal seal, OneTimeCodeOrigin origin, TimeProvider time,
    ILogger<VerificationCodeRequestedConsumer> logger) : IConsumer<VerificationCodeRequested>
{
    public async Task Consume(ConsumeContext<VerificationCodeRequested> context)
    {
        var requested = context.Message;
        await db.HandleOnceAsync(context, nameof(VerificationCodeRequestedConsumer), async cancellationToken =>
        {
            var left = requested.ExpiresAt - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                LogExpired(requested.ChallengeId);
                return;
            }
            using var response = await http.CreateClient(InvitationIssuedConsumer.CampaignsClient)
                .GetAsync($"internal/campaigns/{requested.CampaignId}/holders/{requested.HolderId}/contact", cancellationToken);
            if (response.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
            {
                LogNoNumber(requested.ChallengeId, (int)response.StatusCode);
                return;
            }
            response.EnsureSuccessStatusCode();
            var contact = await response.Content.ReadFromJsonAsync<HolderContact>(cancellationToken)
                ?? throw new InvalidOperationException("The campaigns service answered an empty contact.");
            var code = seal.Open(requested.SealedCode, requested.ChallengeId);
            var (template, values) = origin.Text(code, Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)).ToString(CultureInfo.InvariantCulture));
            await messages.QueueAsync(new OutgoingMessageRequest($"verification:{requested.ChallengeId}", requested.CampaignId, requested.HolderId,
                template.Key, contact.Phone, values), cancellationToken);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification code of challenge {ChallengeId} is not sent: it expired before it could be")]
    private partial void LogExpired(Guid challengeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification code of challenge {ChallengeId} is not sent: the campaigns service answered {Status} (no number on the roll)")]
    private partial void LogNoNumber(Guid challengeId, int status);

    private sealed record HolderContact(string Phone);
}
