using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Contracts.Identity;
using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Identity.Residents;

/// <summary>
/// The resident door: a personal link or the QR entry page starts a challenge whose code goes by
/// text message to the phone number on the roll (never one the visitor typed), and the right code
/// within its time and attempts yields a signer token. Every step leaves an access record.
/// </summary>
public sealed class ResidentVerification(
    IdentityDbContext db, CampaignRoll roll, VerificationCodes codes, VerificationCodeSeal seal, SignerTokens signerTokens,
    PersonalDataProtector protector, IOptions<ResidentOptions> options, TimeProvider time)
{
    public const string SmsMethod = "sms";
    private ResidentOptions Rules => options.Value;

    /// <summary>A personal link was opened: the code goes to the number on the roll for the holder it names.</summary>
    public async Task<Outcome<StartedChallenge>> StartFromLinkAsync(string token, string clientKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await ClientThrottleAsync(clientKey, now, cancellationToken) is { } throttled)
        {
            await RecordAsync(ResidentAccessActions.LinkOpened, throttled.Reason, clientKey, now, null, null, null, cancellationToken);
            return throttled;
        }
        var lookup = await roll.ResolveLinkAsync(token, cancellationToken);
        if (lookup.Link is not { } link)
        {
            var refusal = ResidentRefusal.LinkRefusal(lookup.Refusal!);
            await RecordAsync(ResidentAccessActions.LinkOpened, refusal.Reason, clientKey, now, null, null, null, cancellationToken);
            return refusal;
        }
        var blocked = link.Contact is null ? ResidentRefusal.NoPhoneOnRoll
            : await LockedAsync(link.CampaignId, link.HolderId, now, cancellationToken)
              ?? await PhoneThrottleAsync(link.Contact.PhoneKey, now, cancellationToken);
        if (blocked is not null)
        {
            await RecordAsync(ResidentAccessActions.LinkOpened, blocked.Reason, clientKey, now, link.CampaignId, link.HolderId, null, cancellationToken);
            return blocked;
        }
        var challenge = await CreateChallengeAsync(ResidentAccessActions.LinkOpened, ChallengeRoutes.Link, link.CampaignId, link.HolderId,
            link.InvitationId, link.Contact!.PhoneKey, clientKey, now, cancellationToken);
        return new StartedChallenge(challenge.Id, link.CampaignId, link.CampaignName, link.Contact.MaskedPhone, challenge.ExpiresAt, Rules.MaxAttempts,
            $"{link.Contact.MaskedPhone} 번호로 인증번호 6자리를 보냈습니다. 3분 안에 입력해 주세요.");
    }

    /// <summary>
    /// The QR entry page: name, birth date and phone as the visitor typed them. Whether or not they
    /// match someone on the roll, the answer and its timing are the same; only a match sends a code,
    /// to the number on the roll (which is the one typed, since it matched).
    /// </summary>
    public async Task<Outcome<StartedChallenge>> StartFromEntryAsync(Guid campaignId, string name, DateOnly birthDate, string e164, string clientKey,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var answerAt = now + Rules.EntryAnswerTime;
        var outcome = await IdentifyAsync(campaignId, name, birthDate, e164, clientKey, now, cancellationToken);
        // The floor hides how long the roll lookup and the writes took, which differ between a match and none.
        var wait = answerAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        return outcome;
    }

    private async Task<Outcome<StartedChallenge>> IdentifyAsync(Guid campaignId, string name, DateOnly birthDate, string e164, string clientKey,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var typedPhoneKey = PhoneKeys.Of(protector, e164);
        var throttled = await ClientThrottleAsync(clientKey, now, cancellationToken) ?? await PhoneThrottleAsync(typedPhoneKey, now, cancellationToken);
        if (throttled is not null)
        {
            await RecordAsync(ResidentAccessActions.EntryIdentified, throttled.Reason, clientKey, now, campaignId, null, null, cancellationToken);
            return throttled;
        }
        var lookup = await roll.IdentifyAsync(campaignId, name, birthDate, e164, cancellationToken);
        if (lookup.Refusal is "campaign-not-open" or "campaign-unknown")
        {
            var refusal = lookup.Refusal == "campaign-unknown" ? ResidentRefusal.CampaignUnknown : ResidentRefusal.CampaignNotOpen;
            await RecordAsync(ResidentAccessActions.EntryIdentified, refusal.Reason, clientKey, now, campaignId, null, null, cancellationToken);
            return refusal;
        }
        // A locked holder gets a decoy too: a different answer would tell that the details matched.
        var holder = lookup.Holder is { Contact: not null } matched
            && await LockedAsync(campaignId, matched.HolderId, now, cancellationToken) is null ? matched : null;
        var challenge = await CreateChallengeAsync(ResidentAccessActions.EntryIdentified, ChallengeRoutes.Entry, campaignId, holder?.HolderId, null,
            typedPhoneKey, clientKey, now, cancellationToken, outcome: holder is null ? lookup.Refusal ?? "decoy" : "ok");
        return new StartedChallenge(challenge.Id, campaignId, null, null, challenge.ExpiresAt, Rules.MaxAttempts,
            "입력하신 정보가 소유자 명부와 일치하면, 명부에 등록된 휴대전화로 인증번호 6자리를 보냈습니다. 3분 안에 입력해 주세요.");
    }

    /// <summary>The code the resident typed. The right one, in time and within the attempts, yields a signer token.</summary>
    public async Task<Outcome<VerifiedResident>> CheckCodeAsync(Guid challengeId, string code, string clientKey, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            // Locked for the check: two attempts at once must both count.
            var challenge = await db.VerificationChallenges
                .FromSql($"SELECT * FROM verification_challenges WHERE id = {challengeId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            if (challenge is null)
            {
                return ResidentRefusal.ChallengeUnknown;
            }
            var refusal = challenge switch
            {
                { VerifiedAt: not null } => ResidentRefusal.CodeUsed,
                { LockedAt: { } lockedAt } => ResidentRefusal.Locked(lockedAt + Rules.LockCooldown - now is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero),
                _ when challenge.ExpiresAt <= now => ResidentRefusal.CodeExpired,
                _ => null,
            };
            if (refusal is null)
            {
                challenge.Attempts++;
                if (challenge.HolderId is { } holderId && codes.Matches(challenge, code))
                {
                    challenge.VerifiedAt = now;
                    db.Enqueue(new ResidentVerified(challenge.Id, challenge.CampaignId, holderId, SmsMethod, now), now);
                }
                else if (challenge.Attempts >= Rules.MaxAttempts)
                {
                    challenge.LockedAt = now;
                    refusal = ResidentRefusal.Locked(Rules.LockCooldown);
                }
                else
                {
                    refusal = ResidentRefusal.WrongCode(Rules.MaxAttempts - challenge.Attempts);
                }
            }
            db.ResidentAccessRecords.Add(Record(ResidentAccessActions.CodeChecked, refusal?.Reason ?? "ok", clientKey, now,
                challenge.CampaignId, challenge.HolderId, challenge.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            var token = signerTokens.Issue(challenge.CampaignId, challenge.HolderId!.Value, SmsMethod, now);
            return new Outcome<VerifiedResident>(new VerifiedResident(challenge.CampaignId, SmsMethod, token.Token, token.ExpiresAt), null);
        });
    }

    private async Task<VerificationChallenge> CreateChallengeAsync(string action, string route, Guid campaignId, Guid? holderId, Guid? invitationId,
        string phoneKey, string clientKey, DateTimeOffset now, CancellationToken cancellationToken, string outcome = "ok")
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var code = VerificationCodes.NewCode();
            var id = Guid.NewGuid();
            var stored = new VerificationChallenge
            {
                Id = id,
                CampaignId = campaignId,
                HolderId = holderId,
                Route = route,
                InvitationId = invitationId,
                CodeHash = codes.Hash(id, code),
                CreatedAt = now,
                ExpiresAt = now + Rules.CodeLifetime,
                PhoneKey = phoneKey,
                ClientKey = clientKey,
            };
            if (holderId is { } holder)
            {
                // Only the newest code of a holder works: an older message arriving late opens nothing.
                await db.VerificationChallenges
                    .Where(c => c.CampaignId == campaignId && c.HolderId == holder && c.VerifiedAt == null && c.LockedAt == null && c.ExpiresAt > now)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(c => c.ExpiresAt, now), cancellationToken);
                db.Enqueue(new VerificationCodeRequested(stored.Id, campaignId, holder, seal.Seal(code, stored.Id), stored.ExpiresAt), now);
            }
            db.VerificationChallenges.Add(stored);
            db.ResidentAccessRecords.Add(Record(action, outcome, clientKey, now, campaignId, holderId, stored.Id));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored;
        });
    }

    /// <summary>A holder whose last challenge was locked waits out the cool-down before a new code.</summary>
    private async Task<ResidentRefusal?> LockedAsync(Guid campaignId, Guid holderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Rules.LockCooldown;
        var lockedAt = await db.VerificationChallenges.AsNoTracking()
            .Where(c => c.CampaignId == campaignId && c.HolderId == holderId && c.LockedAt > since)
            .MaxAsync(c => c.LockedAt, cancellationToken);
        return lockedAt is { } at ? ResidentRefusal.Locked(at + Rules.LockCooldown - now) : null;
    }

    private async Task<ResidentRefusal?> PhoneThrottleAsync(string phoneKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Rules.ThrottleWindow;
        var recent = await db.VerificationChallenges.AsNoTracking()
            .Where(c => c.PhoneKey == phoneKey && c.CreatedAt > since)
            .OrderBy(c => c.CreatedAt).Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        return recent.Count >= Rules.CodesPerPhone ? ResidentRefusal.Throttled(recent[^Rules.CodesPerPhone] + Rules.ThrottleWindow - now) : null;
    }

    private async Task<ResidentRefusal?> ClientThrottleAsync(string clientKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Rules.ThrottleWindow;
        var recent = await db.ResidentAccessRecords.AsNoTracking()
            .Where(r => r.ClientKey == clientKey && r.At > since && r.Outcome != "throttled"
                && (r.Action == ResidentAccessActions.LinkOpened || r.Action == ResidentAccessActions.EntryIdentified))
            .OrderBy(r => r.At).Select(r => r.At).ToListAsync(cancellationToken);
        return recent.Count >= Rules.RequestsPerClient ? ResidentRefusal.Throttled(recent[^Rules.RequestsPerClient] + Rules.ThrottleWindow - now) : null;
    }

    private async Task RecordAsync(string action, string outcome, string clientKey, DateTimeOffset now, Guid? campaignId, Guid? holderId, Guid? challengeId,
        CancellationToken cancellationToken)
    {
        db.ResidentAccessRecords.Add(Record(action, outcome, clientKey, now, campaignId, holderId, challengeId));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ResidentAccessRecord Record(string action, string outcome, string clientKey, DateTimeOffset now, Guid? campaignId, Guid? holderId,
        Guid? challengeId) => new()
    {
        At = now, Action = action, Outcome = outcome, ClientKey = clientKey, CampaignId = campaignId, HolderId = holderId, ChallengeId = challengeId,
    };
}

/// <summary>Either a value or the refusal that tells the resident why not.</summary>
public sealed record Outcome<T>(T? Value, ResidentRefusal? Refusal) where T : class
{
    public static implicit operator Outcome<T>(ResidentRefusal refusal) => new(null, refusal);
    public static implicit operator Outcome<T>(T value) => new(value, null);
}

/// <param name="CampaignName">Known on the link path; on the entry path it would tell that the details matched.</param>
/// <param name="MaskedPhone">Where the code went (link path only), e.g. "010-****-5678".</param>
public sealed record StartedChallenge(Guid ChallengeId, Guid CampaignId, string? CampaignName, string? MaskedPhone, DateTimeOffset ExpiresAt,
    int AttemptsAllowed, string ResidentMessage);

/// <param name="SignerToken">Bearer token for the signing service; it names the campaign and the holder.</param>
public sealed record VerifiedResident(Guid CampaignId, string VerificationMethod, string SignerToken, DateTimeOffset ExpiresAt);
