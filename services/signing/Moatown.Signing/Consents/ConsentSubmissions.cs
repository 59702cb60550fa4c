using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Contracts.Signing;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;
using Moatown.Signing.Data;
using Moatown.Signing.Model;
using Npgsql;

namespace Moatown.Signing.Consents;

/// <summary>
/// Takes a holder's signature or withdrawal: checks it against the form they reviewed, keeps it once
/// (the same client key, or a consent that already stands, answers with the first result) and hands
/// it to sealing through the outbox.
/// </summary>
public sealed class ConsentSubmissions(SigningDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public const string SignaturePurpose = "signing.signature";
    public const string EvidencePurpose = "signing.evidence";

    public async Task<SubmissionOutcome> SubmitAsync(Signer signer, ConsentSubmission submission, CancellationToken cancellationToken)
    {
        var keyHash = KeyHash(signer, submission.IdempotencyKey);
        if (await FindAsync(signer, keyHash, cancellationToken) is { } repeated)
        {
            return new SubmissionOutcome(repeated, Repeated: true, null);
        }
        var standing = await StandingConsentAsync(signer, cancellationToken);
        if (submission.Kind == ConsentKind.Consent && standing is not null)
        {
            return new SubmissionOutcome(standing, Repeated: true, null);
        }
        if (submission.Kind == ConsentKind.Withdrawal && standing is null)
        {
            return new SubmissionOutcome(null, false, SubmissionRefusal.NothingToWithdraw);
        }
        var review = await db.FormReviews.AsNoTracking()
            .Where(r => r.CampaignId == signer.CampaignId && r.HolderId == signer.HolderId)
            .OrderByDescending(r => r.ViewedAt).FirstOrDefaultAsync(cancellationToken);
        if (review is null || !string.Equals(review.FormSha256, submission.FormSha256, StringComparison.OrdinalIgnoreCase))
        {
            return new SubmissionOutcome(null, false, SubmissionRefusal.FormNotReviewed);
        }
        if (submission.Kind == ConsentKind.Consent
            && !submission.AgreedItems.Order().SequenceEqual(Enumerable.Range(1, review.StatutoryItemCount)))
        {
            return new SubmissionOutcome(null, false, SubmissionRefusal.NotEveryItemAgreed);
        }

        var now = time.GetUtcNow();
        var consent = new Consent
        {
            Id = Guid.CreateVersion7(now),
            CampaignId = signer.CampaignId,
            HolderId = signer.HolderId,
            Kind = submission.Kind,
            IdempotencyKeyHash = keyHash,
            Status = ConsentStatus.Sealing,
            FormDocumentId = review.FormDocumentId,
            FormSha256 = review.FormSha256,
            AgreedItems = [.. submission.AgreedItems],
            SignatureProtected = protector.Protect(JsonSerializer.Serialize(submission.Signature), SignaturePurpose),
            EvidenceProtected = protector.Protect(JsonSerializer.Serialize(new ConsentEvidence(
                signer.Method, signer.VerifiedAt, submission.ClientAddress, submission.UserAgent, review.ViewedAt, now, review.FormSha256, keyHash)),
                EvidencePurpose),
            SubmittedAt = now,
            WithdrawsConsentId = submission.Kind == ConsentKind.Withdrawal ? standing!.Id : null,
        };
        db.Consents.Add(consent);
        db.Enqueue(new ConsentSubmitted(consent.Id, consent.CampaignId, consent.HolderId, WireKind(consent.Kind), now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same submission arrived twice at once: the other one was stored; answer with it.
            db.ChangeTracker.Clear();
            return new SubmissionOutcome(await FindAsync(signer, keyHash, cancellationToken), Repeated: true, null);
        }
        return new SubmissionOutcome(consent, Repeated: false, null);
    }

    /// <summary>The holder's consent that counts now: the latest consent, unless a later withdrawal took it back.</summary>
    public async Task<Consent?> StandingConsentAsync(Signer signer, CancellationToken cancellationToken)
    {
        var latest = await db.Consents.AsNoTracking()
            .Where(c => c.CampaignId == signer.CampaignId && c.HolderId == signer.HolderId)
            .OrderByDescending(c => c.SubmittedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return latest is { Kind: ConsentKind.Consent } ? latest : null;
    }

    public static string WireKind(ConsentKind kind) => kind == ConsentKind.Withdrawal ? "withdrawal" : "consent";

    private Task<Consent?> FindAsync(Signer signer, string keyHash, CancellationToken cancellationToken) =>
        db.Consents.AsNoTracking().FirstOrDefaultAsync(
            c => c.CampaignId == signer.CampaignId && c.HolderId == signer.HolderId && c.IdempotencyKeyHash == keyHash, cancellationToken);

    private static string KeyHash(Signer signer, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{signer.CampaignId:N}:{signer.HolderId:N}:{idempotencyKey}")));
}

/// <summary>Who signs, from the signer token alone.</summary>
public sealed record Signer(Guid CampaignId, Guid HolderId, string Method, DateTimeOffset? VerifiedAt);

public sealed record ConsentSubmission(ConsentKind Kind, string IdempotencyKey, string FormSha256, IReadOnlyList<int> AgreedItems,
    SignatureArtwork Signature, string? ClientAddress, string? UserAgent);

public sealed record SubmissionOutcome(Consent? Consent, bool Repeated, SubmissionRefusal? Refusal);

public enum SubmissionRefusal { FormNotReviewed, NotEveryItemAgreed, NothingToWithdraw }
