using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Moatown.Contracts.Campaigns;
using Moatown.Notifications.Data;
using Moatown.Notifications.Sending;
using Moatown.Notifications.Templates;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Notifications.Consumers;

/// <summary>
/// Queues the text message of a new personal link. The event carries ids only; the phone number
/// on the roll and the link are asked of the campaigns service now, with this service's own token,
/// and exist afterwards only encrypted in the message row. Once per event (inbox), and once per
/// invitation (idempotency key). A link already replaced or expired is not sent.
/// </summary>
public sealed partial class InvitationIssuedConsumer(
    NotificationsDbContext db, OutgoingMessages messages, IHttpClientFactory http, ILogger<InvitationIssuedConsumer> logger) : IConsumer<InvitationIssued>
{
    public const string CampaignsClient = "campaigns";

    public async Task Consume(ConsumeContext<InvitationIssued> context)
    {
        var issued = context.Message;
        await db.HandleOnceAsync(context, nameof(InvitationIssuedConsumer), async cancellationToken =>
        {
            using var response = await http.CreateClient(CampaignsClient)
                .GetAsync($"internal/campaigns/invitations/{issued.InvitationId}/delivery", cancellationToken);
            if (response.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
            {
                LogNotSent(issued.InvitationId, (int)response.StatusCode);
                return;
            }
            // Anything else is retried, then waits in the error queue: an invitation is never dropped quietly.
            response.EnsureSuccessStatusCode();
            var delivery = await response.Content.ReadFromJsonAsync<InvitationDelivery>(cancellationToken)
                ?? throw new InvalidOperationException("The campaigns service answered an empty delivery.");
            var template = issued.Kind == "reminder" ? MessageTemplates.ReminderV1 : MessageTemplates.InvitationV1;
            await messages.QueueAsync(new OutgoingMessageRequest($"invitation:{issued.InvitationId}", issued.CampaignId, issued.HolderId,
                template.Key, delivery.Phone, new Dictionary<string, string>
                {
                    ["campaignName"] = delivery.CampaignName,
                    ["link"] = delivery.Link.ToString(),
                }), cancellationToken);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} is not sent: the campaigns service answered {Status} (replaced, expired or gone)")]
    private partial void LogNotSent(Guid invitationId, int status);

    /// <summary>The part of the campaigns service's answer a message needs.</summary>
    private sealed record InvitationDelivery(string CampaignName, string Phone, Uri Link);
}
