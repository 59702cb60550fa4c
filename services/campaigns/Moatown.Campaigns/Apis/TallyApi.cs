using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Tallies;

namespace Moatown.Campaigns.Apis;

public static class TallyApi
{
    /// <summary>With no change for this long, a stream sends the tally again, so that proxies keep it open.</summary>
    internal static readonly TimeSpan StreamHeartbeat = TimeSpan.FromSeconds(20);

    public static RouteGroupBuilder MapTallyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaignId:guid}")
            .WithTags("Tally")
            .RequireAuthorization(CampaignPolicies.Read);

        api.MapGet("/tally", GetTally).WithName(nameof(GetTally));
        api.MapGet("/tally/stream", StreamTally).WithName(nameof(StreamTally))
            .WithDescription("Server-sent events: the tally now, then again on every change (event \"tally\", id = ledger sequence).");
        api.MapGet("/owners", ListOwners).WithName(nameof(ListOwners))
            .RequireAuthorization(CampaignPolicies.ReadPeople);
        return api;
    }

    /// <summary>The legal consent rate (counting-rules.md): owners and land area against the campaign's thresholds.</summary>
    public static async Task<Results<Ok<Tally>, NotFound>> GetTally(
        Guid campaignId, ClaimsPrincipal user, CampaignsDbContext db, LiveTallies tallies, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.VisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var snapshot = await tallies.TallyAsync(db, campaignId, cancellationToken);
        return snapshot is null ? TypedResults.NotFound() : TypedResults.Ok(snapshot.Tally);
    }

    public static async Task<Results<ServerSentEventsResult<Tally>, NotFound>> StreamTally(
        Guid campaignId, ClaimsPrincipal user, CampaignsDbContext db, LiveTallies tallies, TallySignals signals, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.VisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.ServerSentEvents(Changes(campaignId, db, tallies, signals, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<Tally>> Changes(
        Guid campaignId, CampaignsDbContext db, LiveTallies tallies, TallySignals signals, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Tally? sent = null;
        var heartbeatDue = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before reading: a change after the read completes it, and is not missed.
            var changed = signals.Next(campaignId);
            var snapshot = await tallies.TallyAsync(db, campaignId, cancellationToken);
            if (snapshot is null)
            {
                yield break;
            }
            if (snapshot.Tally != sent || heartbeatDue)
            {
                yield return new SseItem<Tally>(snapshot.Tally, "tally") { EventId = snapshot.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                sent = snapshot.Tally;
            }
            try
            {
                await changed.WaitAsync(StreamHeartbeat, cancellationToken);
                heartbeatDue = false;
            }
            catch (TimeoutException)
            {
                heartbeatDue = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The client went away: the loop ends quietly.
            }
        }
    }

    /// <summary>
    /// Every counted owner with the rules that counted it and whether and why it consents now;
    /// filter by a holder to explain one person. Names are masked.
    /// </summary>
    public static async Task<Results<Ok<OwnersResponse>, NotFound>> ListOwners(
        Guid campaignId, Guid? holderId, int? offset, int? limit,
        ClaimsPrincipal user, CampaignsDbContext db, LiveTallies tallies, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.PeopleVisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        using var lease = await tallies.EnterAsync(campaignId, cancellationToken);
        var tally = await lease.CatchUpAsync(db, cancellationToken);
        if (tally is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(Owners(tally, holderId, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 100, 1, 1000)));
    }

    /// <summary>The owners' explanation as <see cref="ListOwners"/> answers it; shared with the submission package's copy.</summary>
    internal static OwnersResponse Owners(CampaignTally tally, Guid? holderId, int skip, int take)
    {
        var roll = tally.Count.Roll;
        IReadOnlyList<Owner> owners = holderId is { } id ? roll.OwnersOf(CountingKeys.Of(id)) : roll.Owners;
        return new OwnersResponse(
            owners.Count,
            owners.Skip(skip).Take(take).Select(o => OwnerResponse.From(tally.Count.Explain(o))).ToList(),
            holderId is null ? roll.NotCounted.Select(n => new UncountedUnitResponse(n.Unit.Label, n.Reason.Rule, n.Reason.Text)).ToList() : []);
    }
}

public sealed record OwnersResponse(int Total, IReadOnlyList<OwnerResponse> Owners, IReadOnlyList<UncountedUnitResponse> NotCounted);

public sealed record OwnerResponse(
    string Kind,
    string Name,
    IReadOnlyList<string> Units,
    IReadOnlyList<OwnerMemberResponse> Members,
    string? Representative,
    decimal LandAreaM2,
    IReadOnlyList<CountingReasonResponse> CountedBecause,
    bool Consents,
    IReadOnlyList<string> Why)
{
    internal static OwnerResponse From(OwnerExplanation explanation) => new(
        explanation.Kind switch { OwnerKind.SoleHolder => "sole-holder", OwnerKind.Authority => "authority", _ => "group" },
        explanation.Name,
        explanation.Units,
        explanation.Members.Select(m => new OwnerMemberResponse(CountingKeys.HolderIdOf(m.Holder), m.Name, m.Consents,
            m.Standing is { } s ? StandingResponse.From(s) : null)).ToList(),
        explanation.Representative,
        explanation.LandAreaM2,
        explanation.CountedBecause.Select(r => new CountingReasonResponse(r.Rule, r.Text)).ToList(),
        explanation.Consents,
        explanation.Why);
}

public sealed record OwnerMemberResponse(Guid HolderId, string Name, bool Consents, StandingResponse? Standing);

/// <summary>A holder's latest action: it decides whether they consent (rule 17).</summary>
public sealed record StandingResponse(string Action, string Source, DateTimeOffset At)
{
    internal static StandingResponse From(HolderConsent standing) => new(
        standing.LastAction == ConsentActionKind.Consent ? "consent" : "withdrawal",
        standing.Source switch { ConsentSource.Electronic => "electronic", ConsentSource.Paper => "paper", _ => "deemed" },
        standing.At);
}

public sealed record CountingReasonResponse(int Rule, string Text);

public sealed record UncountedUnitResponse(string Unit, int Rule, string Text);
