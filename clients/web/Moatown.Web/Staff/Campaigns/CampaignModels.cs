namespace Moatown.Web.Staff.Campaigns;

// The campaigns, documents and notifications APIs' answers as the staff pages read them (camelCase
// JSON, only the fields the pages show). The services own these shapes; see docs/architecture.md.

public sealed record Campaign(
    Guid Id, string Name, string Status, string OrganizerId, CampaignArea Area, CampaignCounting Counting,
    CampaignConsentForm ConsentForm, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt)
{
    public bool IsDraft => Status == "draft";
    public bool IsOpen => Status == "open";
    public bool IsClosed => Status == "closed";
}

public sealed record CampaignArea(string Name, string District, string? Address);

public sealed record CampaignCounting(string RuleSet, decimal OwnerThreshold, decimal LandAreaThreshold, string GroupRule, bool ExcludePublicLandFromArea);

public sealed record CampaignConsentForm(string Title, string Body, IReadOnlyList<string> StatutoryItems)
{
    public bool IsComplete => Title.Length > 0 && Body.Length > 0 && StatutoryItems.Count > 0;
}

public sealed record RollVersion(string Version, DateTimeOffset ImportedAt, int Rows, int Properties, int Holders, int Warnings);

public sealed record RollLineProblem(int Line, string? Column, string Reason);

public sealed record RollDiff(IReadOnlyList<string> PropertiesAdded, IReadOnlyList<string> PropertiesRemoved, IReadOnlyList<string> PropertiesWithChangedHolders);

public sealed record RollImport(string Version, bool Unchanged, int Rows, int Properties, int Holders,
    IReadOnlyList<RollLineProblem> Warnings, RollDiff? Diff, IReadOnlyList<object> DeemedConsents);

public sealed record Standing(string Action, string Source, DateTimeOffset At);

public sealed record HolderAccess(string Progress, DateTimeOffset? InvitedAt, DateTimeOffset? OpenedAt, DateTimeOffset? VerifiedAt, string? VerificationMethod);

/// <summary>A person of the roll, masked by the service (never the full view).</summary>
public sealed record Holder(Guid HolderId, string? OwnerId, string Name, string? BirthDate, string OwnerType, string Status,
    IReadOnlyList<string> Properties, IReadOnlyList<string> Units, Standing? Consent, HolderAccess Access);

public sealed record OwnerTally(int Consented, int Total, decimal Rate, decimal Threshold, bool Met);

public sealed record LandAreaTally(decimal ConsentedM2, decimal TotalM2, decimal Rate, decimal Threshold, bool Met, bool PublicLandExcluded);

public sealed record ConsentsBySource(int Electronic, int Paper, int Deemed);

public sealed record CampaignTally(Guid CampaignId, string RollVersion, OwnerTally Owners, LandAreaTally LandArea, bool ThresholdMet,
    ConsentsBySource BySource, int Withdrawals, DateTimeOffset AsOf);

public sealed record CountingReason(int Rule, string Text);

public sealed record OwnerMember(Guid HolderId, string Name, bool Consents, Standing? Standing);

/// <summary>How one counted owner stands in the tally, as the counting engine explains it.</summary>
public sealed record OwnerExplanation(string Kind, string Name, IReadOnlyList<string> Units, IReadOnlyList<OwnerMember> Members,
    string? Representative, decimal LandAreaM2, IReadOnlyList<CountingReason> CountedBecause, bool Consents, IReadOnlyList<string> Why);

public sealed record OwnersPage(int Total, IReadOnlyList<OwnerExplanation> Owners);

public sealed record Invitation(Guid InvitationId, Guid HolderId, string Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Status, DateTimeOffset? OpenedAt);

public sealed record InvitationsIssued(IReadOnlyList<Invitation> Issued, IReadOnlyList<Guid> WithoutPhone, IReadOnlyList<Guid> AlreadyConsenting);

public sealed record LedgerEntry(long Sequence, Guid HolderId, string Action, string Source, DateTimeOffset At, DateTimeOffset RecordedAt, string Reference);

public sealed record MessageDelivery(Guid Id, Guid HolderId, string Purpose, string Template, string Kind, string Status, int Attempts,
    string Phone, DateTimeOffset QueuedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt);
