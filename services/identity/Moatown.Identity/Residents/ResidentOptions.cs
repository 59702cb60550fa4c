namespace Moatown.Identity.Residents;

/// <summary>The rules of resident verification (section <c>Identity:Residents</c>); the defaults are the product's.</summary>
public sealed class ResidentOptions
{
    public const string SectionName = "Identity:Residents";

    /// <summary>How long a text-message code works.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Wrong codes a challenge takes before it is locked.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>After a lock, how long before the same holder may ask for a new code.</summary>
    public TimeSpan LockCooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The window the throttles below count in.</summary>
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Codes sent to one phone number per window: a number is not flooded, whoever asks.</summary>
    public int CodesPerPhone { get; set; } = 3;

    /// <summary>Verification requests from one client address per window (links and the entry page together).</summary>
    public int RequestsPerClient { get; set; } = 20;

    /// <summary>
    /// The entry page's answer never comes sooner than this, whether or not the details matched
    /// someone on the roll: its timing must not tell who is on it.
    /// </summary>
    public TimeSpan EntryAnswerTime { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>How long a signer token works: long enough to read the form and sign, short enough not to linger.</summary>
    public TimeSpan SignerTokenLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a resident has to finish at a certificate provider and collect the signer token.</summary>
    public TimeSpan ProviderSessionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Identity's callback as registered with the providers (through the gateway); when not set, the
    /// issuer (the gateway's public address) + <c>api/identity/resident-verifications/provider/callback</c>.
    /// </summary>
    public Uri? ProviderCallbackUrl { get; set; }

    /// <summary>
    /// Where the resident's browser goes after the provider: the campaign's entry page, which collects
    /// the signer token with its session secret; when not set, the issuer + <c>e</c>. The session id and
    /// campaign id are appended as <c>{base}/{campaignId}?verification={sessionId}</c>.
    /// </summary>
    public Uri? ResidentEntryBase { get; set; }
}
