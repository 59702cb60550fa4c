using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.ServiceDefaults.PersonalData;
using Moatown.Signing.Consents;
using Moatown.Signing.Data;

namespace Moatown.Signing.Apis;

/// <summary>
/// Internal: what the documents service needs to seal a submission — the signature, the agreed items
/// and the evidence — fetched when it seals, because they are personal data and do not travel in events.
/// </summary>
public static class InternalSubmissionsApi
{
    public const string SealingPolicy = "signing:sealing";

    public static RouteGroupBuilder MapInternalSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/signing/consents").WithTags("Internal");
        api.MapGet("/{consentId:guid}/submission", GetSubmission).WithName(nameof(GetSubmission)).RequireAuthorization(SealingPolicy);
        return api;
    }

    public static async Task<Results<Ok<SubmissionResponse>, NotFound>> GetSubmission(
        Guid consentId, SigningDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var consent = await db.Consents.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consentId, cancellationToken);
        if (consent is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new SubmissionResponse(consent.Id, consent.CampaignId, consent.HolderId, ConsentSubmissions.WireKind(consent.Kind),
            consent.FormDocumentId, consent.FormSha256, consent.AgreedItems,
            JsonSerializer.Deserialize<SignatureArtwork>(protector.Unprotect(consent.SignatureProtected, ConsentSubmissions.SignaturePurpose))!,
            JsonSerializer.Deserialize<ConsentEvidence>(protector.Unprotect(consent.EvidenceProtected, ConsentSubmissions.EvidencePurpose))!,
            consent.WithdrawsConsentId));
    }
}

public sealed record SubmissionResponse(Guid ConsentId, Guid CampaignId, Guid HolderId, string Kind, Guid FormDocumentId, string FormSha256,
    IReadOnlyList<int> AgreedItems, SignatureArtwork Signature, ConsentEvidence Evidence, Guid? WithdrawsConsentId);
