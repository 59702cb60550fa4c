namespace Moatown.Contracts.Public.V1;

// The public contract for city systems (docs/events/). Major version 1: these records are only ever
// extended with optional members; a breaking change is a V2 type published beside this one.
// Never personal data: pseudonymous ids, counts, hashes and times only.

/// <summary>A campaign was opened for consent.</summary>
/// <param name="District">The 자치구 of the campaign's area, e.g. "중랑구".</param>
public sealed record CampaignOpened(Guid CampaignId, string District, DateTimeOffset OpenedAt);

/// <summary>A campaign was closed: its tally is final.</summary>
public sealed record CampaignClosed(Guid CampaignId, string District, DateTimeOffset ClosedAt);

/// <summary>A new owner roll version was accepted. Counts only.</summary>
/// <param name="RollVersion">"sha256:…" of the roll's canonical content.</param>
/// <param name="Properties">Land parcels, buildings and superficies rights on the roll.</param>
/// <param name="Holders">Distinct holders on the roll.</param>
public sealed record RollVersionPublished(Guid CampaignId, string RollVersion, int Properties, int Holders, DateTimeOffset PublishedAt);

/// <summary>A holder's consent entered the campaign's consent ledger.</summary>
/// <param name="HolderId">The holder's pseudonymous id (stable within the campaign; says nothing of who it is).</param>
/// <param name="Source">"electronic", "paper" or "deemed" (a new holder of a unit whose previous holders all consented).</param>
/// <param name="LedgerSequence">The entry's place in the campaign's consent ledger.</param>
/// <param name="SignedAt">When the holder signed (or dated the paper form).</param>
/// <param name="RecordedAt">When the ledger recorded it.</param>
/// <param name="DocumentHash">"sha256:…" of the sealed document; electronic consents only.</param>
public sealed record ConsentSigned(
    Guid CampaignId, Guid HolderId, string Source, long LedgerSequence, DateTimeOffset SignedAt, DateTimeOffset RecordedAt, string? DocumentHash);

/// <summary>A holder's withdrawal (철회) entered the campaign's consent ledger.</summary>
public sealed record ConsentWithdrawn(
    Guid CampaignId, Guid HolderId, string Source, long LedgerSequence, DateTimeOffset WithdrawnAt, DateTimeOffset RecordedAt, string? DocumentHash);

/// <summary>The campaign's tally changed. Counts only; rates are the fractions of the counts given.</summary>
/// <param name="LedgerSequence">The consent-ledger sequence the tally includes.</param>
public sealed record ConsentRateChanged(
    Guid CampaignId, long LedgerSequence, string RollVersion, int OwnersConsented, int OwnersTotal,
    decimal LandAreaConsentedM2, decimal LandAreaTotalM2, bool ThresholdMet, DateTimeOffset ChangedAt);

/// <summary>The campaign met both thresholds, having not met them before (once per crossing).</summary>
public sealed record ConsentThresholdReached(
    Guid CampaignId, long LedgerSequence, int OwnersConsented, int OwnersTotal,
    decimal LandAreaConsentedM2, decimal LandAreaTotalM2, DateTimeOffset ReachedAt);
