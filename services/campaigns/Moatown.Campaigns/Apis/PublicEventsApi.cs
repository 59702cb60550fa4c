using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.PublicEvents;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Backfill for city systems: the public events the live queue carries, from the append-only store,
/// in order, a page at a time. A city system sees its district's events only; a provider admin sees all.
/// </summary>
public static class PublicEventsApi
{
    public static RouteGroupBuilder MapPublicEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/events")
            .WithTags("Public events")
            .RequireAuthorization(CampaignPolicies.PublicEvents);
        api.MapGet("/", ReadPublicEvents).WithName(nameof(ReadPublicEvents));
        return api;
    }

    /// <param name="Events">CloudEvents 1.0 (structured JSON), exactly as published on the exchange.</param>
    /// <param name="Next">The cursor to ask with next (<c>after=</c>); the same as given when nothing is new.</param>
    public sealed record EventPage(IReadOnlyList<JsonElement> Events, string Next);

    public static async Task<Results<Ok<EventPage>, ProblemHttpResult>> ReadPublicEvents(
        ClaimsPrincipal user,
        CampaignsDbContext db,
        IOptions<PublicEventOptions> options,
        CancellationToken cancellationToken,
        string? after = null,
        int? limit = null)
    {
        if (!EventCursor.TryParse(after, out var cursor))
        {
            return TypedResults.Problem(title: "Invalid cursor", detail: "Pass back the 'next' value of an earlier page, or nothing to start.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        var max = options.Value.MaxPage;
        var take = limit ?? 100;
        if (take < 1 || take > max)
        {
            return TypedResults.Problem(title: "Invalid limit", detail: $"limit must be between 1 and {max}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var allDistricts = user.IsInRole(Roles.ProviderAdmin);
        var district = allDistricts ? null : user.District();
        if (!allDistricts && district is null)
        {
            // A city system not bound to a district sees nothing, as a district officer would.
            return TypedResults.Ok(new EventPage([], cursor.Value.ToString()));
        }

        var transaction = cursor.Value.TransactionId.ToString(CultureInfo.InvariantCulture);
        var campaign = cursor.Value.CampaignId;
        var sequence = cursor.Value.Sequence;
        // Only transactions older than every running one: a later page can never hold an event that
        // belongs before this one, because every transaction below the horizon has ended.
        var rows = await db.PublicEvents.FromSql($"""
            SELECT * FROM public_events
            WHERE (transaction_id, campaign_id, sequence) > (CAST({transaction} AS xid8), {campaign}, {sequence})
              AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
              AND ({district}::text IS NULL OR district = {district}::text)
            ORDER BY transaction_id, campaign_id, sequence
            LIMIT {take}
            """).AsNoTracking().ToListAsync(cancellationToken);

        var events = rows.Select(r => JsonDocument.Parse(r.CloudEvent).RootElement).ToList();
        var next = rows.Count == 0 ? cursor.Value : new EventCursor(rows[^1].TransactionId, rows[^1].CampaignId, rows[^1].Sequence);
        return TypedResults.Ok(new EventPage(events, next.ToString()));
    }
}
