using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Contracts.Identity;
using Moatown.Identity.Data;
using Moatown.Identity.Residents.Providers;
using Moatown.ServiceDefaults.Messaging;
using OpenIddict.Server;

namespace Moatown.Identity.Residents;

/// <summary>
/// Verification through a certificate provider, for owners without a phone number on the roll (or
/// who prefer it): the provider's verified name and birth date are matched against the campaign's
/// roll. The browser that started it holds a secret; the provider's redirect completes it; only that
/// secret collects the signer token, once — so a redirect URL seen by someone else is worth nothing.
/// </summary>
public sealed partial class ProviderVerification(
    IdentityDbContext db, IdentityProviders providers, CampaignRoll roll, SignerTokens signerTokens, IOptions<ResidentOptions> options,
    IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider time, ILogger<ProviderVerification> logger)
{
    public const string CallbackPath = "api/identity/resident-verifications/provider/callback";

    public async Task<Outcome<StartedProviderVerification>> StartAsync(Guid campaignId, string? providerName, string clientKey,
        CancellationToken cancellationToken)
    {
        var provider = providerName is null ? providers.All.FirstOrDefault() : providers.Find(providerName);
        if (provider is null)
        {
            return ResidentRefusal.ProviderUnavailable;
        }
        var now = time.GetUtcNow();
        var (state, nonce, secret) = (NewSecret(), NewSecret(), NewSecret());
        var session = new ProviderSession
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            Provider = provider.Name,
            StateHash = Hash(state),
            Nonce = nonce,
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + options.Value.ProviderSessionLifetime,
            ClientKey = clientKey,
        };
        db.ProviderSessions.Add(session);
        db.ResidentAccessRecords.Add(new ResidentAccessRecord
        {
            At = now, Action = ResidentAccessActions.ProviderStarted, Outcome = provider.Name, ClientKey = clientKey, CampaignId = campaignId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new StartedProviderVerification(session.Id, secret, provider.BuildAuthorizationUri(state, nonce, CallbackUrl), provider.Name,
            provider.DisplayName, session.ExpiresAt);
    }

    /// <summary>
    /// The provider sent the resident back. Whatever happened, the session records it and the browser
    /// goes on to the entry page, which asks for the token and shows the outcome; only an unknown or
    /// stale state has no page to go back to.
    /// </summary>
    public async Task<Outcome<Uri>> CompleteAsync(string? code, string? state, string? error, string clientKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stateHash = state is { Length: > 0 and <= 100 } ? Hash(state) : null;
        var session = stateHash is null ? null : await db.ProviderSessions.FirstOrDefaultAsync(s => s.StateHash == stateHash, cancellationToken);
        if (session is null || session.CompletedAt is not null || session.ExpiresAt <= now)
        {
            db.ResidentAccessRecords.Add(new ResidentAccessRecord
            {
                At = now, Action = ResidentAccessActions.ProviderReturned, Outcome = "verification-unknown", ClientKey = clientKey, CampaignId = session?.CampaignId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return ResidentRefusal.ProviderSessionUnknown;
        }

        var outcome = await IdentifyAsync(session, code, error, cancellationToken);
        session.CompletedAt = now;
        session.Outcome = outcome.Outcome;
        session.HolderId = outcome.HolderId;
        if (outcome.HolderId is { } holderId)
        {
            db.Enqueue(new ResidentVerified(session.Id, session.CampaignId, holderId, Method(session), now), now);
        }
        db.ResidentAccessRecords.Add(new ResidentAccessRecord
        {
            At = now, Action = ResidentAccessActions.ProviderReturned, Outcome = outcome.Outcome, ClientKey = clientKey,
            CampaignId = session.CampaignId, HolderId = outcome.HolderId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Uri($"{EntryBase.AbsoluteUri.TrimEnd('/')}/{session.CampaignId}?verification={session.Id}");
    }

    /// <summary>The signer token for a completed session, to the client that holds its secret, once.</summary>
    public async Task<Outcome<VerifiedResident>> RedeemAsync(Guid sessionId, string secret, string clientKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = await db.ProviderSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        var refusal = session switch
        {
            null => ResidentRefusal.ProviderSessionUnknown,
            _ when !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(session.SecretHash))
                => ResidentRefusal.ProviderSessionUnknown,
            { ExpiresAt: var expires } when expires <= now => ResidentRefusal.ProviderSessionUnknown,
            { CompletedAt: null } => ResidentRefusal.ProviderPending,
            { Outcome: not "ok" } => ResidentRefusal.ProviderOutcome(session.Outcome!),
            { RedeemedAt: not null } => ResidentRefusal.CodeUsed,
            _ => null,
        };
        // Once: of two requests with the secret at the same moment, one wins.
        if (refusal is null && await db.ProviderSessions.Where(s => s.Id == sessionId && s.RedeemedAt == null)
                .ExecuteUpdateAsync(setters => setters.SetProperty(s => s.RedeemedAt, now), cancellationToken) == 0)
        {
            refusal = ResidentRefusal.CodeUsed;
        }
        db.ResidentAccessRecords.Add(new ResidentAccessRecord
        {
            At = now, Action = ResidentAccessActions.ProviderRedeemed, Outcome = refusal?.Reason ?? "ok", ClientKey = clientKey,
            CampaignId = session?.CampaignId, HolderId = refusal is null ? session!.HolderId : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var method = Method(session!);
        var token = signerTokens.Issue(session!.CampaignId, session.HolderId!.Value, method, session.CompletedAt!.Value);
        return new VerifiedResident(session.CampaignId, method, token.Token, token.ExpiresAt);
    }

    private async Task<(string Outcome, Guid? HolderId)> IdentifyAsync(ProviderSession session, string? code, string? error, CancellationToken cancellationToken)
    {
        if (error is not null || string.IsNullOrEmpty(code))
        {
            return (error == "access_denied" ? "cancelled" : "provider-failed", null);
        }
        var provider = providers.Find(session.Provider);
        if (provider is null)
        {
            return ("provider-failed", null);
        }
        VerifiedPerson person;
        try
        {
            person = await provider.RedeemAsync(code, CallbackUrl, session.Nonce, cancellationToken);
        }
        catch (IdentityProviderException failure)
        {
            LogProviderFailed(session.Id, failure.Provider, failure.Failure);
            return ("provider-failed", null);
        }
        var lookup = await roll.IdentifyAsync(session.CampaignId, person.Name, person.BirthDate, phone: null, cancellationToken);
        return lookup.Holder is { } holder ? ("ok", holder.HolderId) : (lookup.Refusal == "no-match" ? "not-on-roll" : lookup.Refusal!, null);
    }

    private static string Method(ProviderSession session) => $"provider:{session.Provider}";

    private Uri Issuer => server.CurrentValue.Issuer ?? throw new InvalidOperationException("The authorization server has no issuer.");

    private Uri CallbackUrl => options.Value.ProviderCallbackUrl ?? new Uri(Issuer, CallbackPath);

    private Uri EntryBase => options.Value.ResidentEntryBase ?? new Uri(Issuer, "e");

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider verification {SessionId}: provider {Provider} failed ({Failure})")]
    private partial void LogProviderFailed(Guid sessionId, string provider, IdentityProviderFailure failure);
}

/// <param name="SessionSecret">Keep it in the browser (session storage): it alone collects the signer token.</param>
/// <param name="AuthorizationUrl">Send the resident's browser here.</param>
public sealed record StartedProviderVerification(Guid SessionId, string SessionSecret, Uri AuthorizationUrl, string Provider, string DisplayName,
    DateTimeOffset ExpiresAt);
