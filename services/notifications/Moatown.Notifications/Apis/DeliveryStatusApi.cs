using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Notifications.Data;
using Moatown.Notifications.Sending;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Notifications.Apis;

/// <summary>Whether each owner's messages arrived: status and times, a masked number, never the text.</summary>
public static class DeliveryStatusApi
{
    public static RouteGroupBuilder MapDeliveryStatusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications/campaigns/{campaignId:guid}/messages")
            .WithTags("Delivery status");

        api.MapGet("/", GetCampaignMessages).WithName(nameof(GetCampaignMessages))
            .RequireAuthorization(NotificationPolicies.ReadDeliveryStatus);
        return api;
    }

    /// <summary>
    /// A campaign's messages, newest first; <c>holderId</c> narrows them to one owner. An organizer
    /// sees only their own campaigns' (another's is not found).
    /// </summary>
    public static async Task<Results<Ok<List<MessageDeliveryStatus>>, NotFound>> GetCampaignMessages(
        Guid campaignId, Guid? holderId, ClaimsPrincipal user, NotificationsDbContext db, PersonalDataProtector protector,
        CancellationToken cancellationToken)
    {
        if (!await db.KnownCampaigns.AnyAsync(c => c.CampaignId == campaignId && c.Organizer == user.SubjectId(), cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var query = db.OutgoingMessages.AsNoTracking().Where(m => m.CampaignId == campaignId);
        if (holderId is { } holder)
        {
            query = query.Where(m => m.HolderId == holder);
        }
        var rows = await query.OrderByDescending(m => m.QueuedAt).ThenByDescending(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(m => new MessageDeliveryStatus(
            m.Id, m.HolderId, m.Purpose, $"{m.TemplateId}.v{m.TemplateVersion}", m.Kind.ToString().ToUpperInvariant(),
            m.Status.ToString().ToLowerInvariant(), m.Attempts,
            PersonalDataMasking.Phone(protector.Unprotect(m.RecipientPhone, MessageProtection.Phone)),
            m.QueuedAt, m.SentAt, m.DeliveredAt, m.FailedAt)).ToList());
    }
}

public sealed record MessageDeliveryStatus(
    Guid Id, Guid HolderId, string Purpose, string Template, string Kind, string Status, int Attempts, string Phone,
    DateTimeOffset QueuedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt);
