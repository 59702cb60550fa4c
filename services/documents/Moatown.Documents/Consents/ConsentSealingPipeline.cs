using System.Security.Cryptography;
using Moatown.Documents.Data;
using Moatown.Documents.Rendering;
using Moatown.Documents.Sealing;
using Moatown.Documents.Vault;

namespace Moatown.Documents.Consents;

/// <summary>
/// One submission from the signing service to a sealed document in the vault: the form the holder
/// reviewed (checked against the hash they signed), their signature and the evidence composed into
/// one PDF, sealed with the provider's certificate and a TSA time-stamp, stored encrypted.
/// </summary>
public sealed class ConsentSealingPipeline(SigningSubmissions submissions, DocumentVault vault, SignedConsentComposer composer, ConsentSealer sealer)
{
    public async Task<SealedConsentDocument> SealAsync(DocumentsDbContext db, SealJob job, CancellationToken cancellationToken)
    {
        var submission = await submissions.GetAsync(job.ConsentId, cancellationToken);
        var form = await vault.ReadAsync(submission.FormDocumentId, cancellationToken)
            ?? throw new InvalidOperationException($"The form of submission {job.ConsentId} is not in the vault.");
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(form.Content)), submission.FormSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The form of submission {job.ConsentId} is not the one the holder signed.");
        }
        var withdrawal = submission.Kind == "withdrawal";
        var evidence = submission.Evidence;
        var composed = composer.Compose(form.Content, Artwork(submission.Signature), new ConsentEvidence(
                withdrawal ? submission.WithdrawsConsentId ?? submission.ConsentId : submission.ConsentId,
                submission.CampaignId, submission.HolderId, evidence.VerificationMethod, evidence.VerifiedAt ?? evidence.FormViewedAt,
                evidence.ClientAddress ?? "-", evidence.UserAgent ?? "-", evidence.FormViewedAt,
                withdrawal ? null : evidence.SubmittedAt, evidence.SubmittedAt, evidence.SubmittedAt, evidence.IdempotencyKeyHash),
            Agreements(submission, withdrawal), withdrawal ? CompositionKind.Withdrawal : CompositionKind.Consent);
        var sealedPdf = await sealer.SealAsync(composed,
            new SealRequest(withdrawal ? "모아타운 주민 동의 철회 (Moatown consent withdrawal)" : "모아타운 주민 동의 (Moatown consent)"), cancellationToken);
        var stored = await vault.StoreAsync(job.CampaignId, job.Kind, sealedPdf.Pdf, "application/pdf", cancellationToken);
        return new SealedConsentDocument(stored.Id, sealedPdf.Sha256, sealedPdf.TimestampedAt);
    }

    private static SignatureArtwork Artwork(SubmittedSignature signature) => signature.Png is { Length: > 0 } png
        ? SignatureArtwork.FromPng(Convert.FromBase64String(png))
        : SignatureArtwork.FromStrokes([.. signature.Strokes!.Select(s => (IReadOnlyList<SignaturePoint>)[.. s.Select(p => new SignaturePoint(p.X, p.Y))])],
            signature.Width ?? 0, signature.Height ?? 0);

    /// <summary>One answer per statutory item of the form; a consent agrees to all of them (signing checked it).</summary>
    private static IReadOnlyList<bool> Agreements(Submission submission, bool withdrawal) =>
        withdrawal ? [] : [.. Enumerable.Range(1, submission.AgreedItems.Count == 0 ? 0 : submission.AgreedItems.Max()).Select(submission.AgreedItems.Contains)];
}

public sealed record SealedConsentDocument(Guid DocumentId, string Sha256, DateTimeOffset TimestampedAt);
