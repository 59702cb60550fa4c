namespace Moatown.Documents.Rendering;

/// <summary>
/// What the evidence page records about one signing. No name: the holder appears by their
/// pseudonymous id only, so the evidence can be shown to reviewers who need no identity.
/// For a withdrawal, <see cref="ConsentId"/> is the consent withdrawn and <see cref="ItemsAgreedAt"/> is null.
/// </summary>
public sealed record ConsentEvidence(
    Guid ConsentId,
    Guid CampaignId,
    Guid HolderId,
    string VerificationMethod,
    DateTimeOffset VerifiedAt,
    string ClientAddress,
    string UserAgent,
    DateTimeOffset FormViewedAt,
    DateTimeOffset? ItemsAgreedAt,
    DateTimeOffset SignedAt,
    DateTimeOffset SubmittedAt,
    string IdempotencyKeyHash);

/// <summary>What a composed document is: the signed consent, or the signed withdrawal of one (철회서).</summary>
public enum CompositionKind
{
    Consent,
    Withdrawal,
}
