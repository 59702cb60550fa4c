using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Signing.Consents;
using Moatown.Signing.Data;
using Moatown.Signing.Forms;
using Moatown.Signing.Model;

namespace Moatown.Signing.Apis;

/// <summary>The holder's own consent form, to read before signing: as HTML for the phone and as the exact PDF they will sign.</summary>
public static class FormApi
{
    public static RouteGroupBuilder MapFormApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/signing/form")
            .RequireAuthorization(SignerSessionApi.SignerPolicy)
            .WithTags("Signer")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/", GetForm).WithName(nameof(GetForm))
            .WithSummary("The holder's consent form for review")
            .WithDescription("HTML to read on the phone, the statutory items, and the SHA-256 of the exact PDF; the signature must name that hash.");
        api.MapGet("/pdf", GetFormPdf).WithName(nameof(GetFormPdf))
            .WithSummary("The exact PDF of the holder's form");
        return api;
    }

    public static async Task<Results<Ok<FormReviewResponse>, ProblemHttpResult>> GetForm(
        ClaimsPrincipal user, DocumentsClient documents, SigningDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var signer = user.SignerOf();
        var form = await documents.GetFormAsync(signer.CampaignId, signer.HolderId, cancellationToken);
        if (form is null)
        {
            return NotSignable();
        }
        db.FormReviews.Add(new FormReview
        {
            CampaignId = signer.CampaignId, HolderId = signer.HolderId, FormDocumentId = form.DocumentId, FormSha256 = form.Sha256, ViewedAt = time.GetUtcNow(),
            StatutoryItemCount = form.StatutoryItems.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new FormReviewResponse(signer.CampaignId, form.CampaignName, form.Title, form.Html, form.StatutoryItems, form.FormVersion,
            form.Sha256, "/api/signing/form/pdf"));
    }

    /// <summary>The PDF of the form last shown to the holder (the one whose hash they sign); rendered only if none was shown yet.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFormPdf(
        ClaimsPrincipal user, DocumentsClient documents, SigningDbContext db, CancellationToken cancellationToken)
    {
        var signer = user.SignerOf();
        var documentId = await db.FormReviews.AsNoTracking()
            .Where(r => r.CampaignId == signer.CampaignId && r.HolderId == signer.HolderId)
            .OrderByDescending(r => r.ViewedAt).Select(r => (Guid?)r.FormDocumentId).FirstOrDefaultAsync(cancellationToken)
            ?? (await documents.GetFormAsync(signer.CampaignId, signer.HolderId, cancellationToken))?.DocumentId;
        var pdf = documentId is { } id ? await documents.GetContentAsync(id, cancellationToken) : null;
        return pdf is null ? NotSignable() : TypedResults.File(pdf, "application/pdf", "동의서.pdf");
    }

    private static ProblemHttpResult NotSignable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "No form to sign",
            detail: "지금은 이 동의서에 서명할 수 없습니다(접수 기간이 아니거나 명부에 없습니다). 추진위원회에 문의해 주세요.",
            extensions: new Dictionary<string, object?> { ["reason"] = "not-signable" });
}

/// <param name="FormSha256">Hex SHA-256 of the exact PDF bytes (<see cref="PdfUrl"/>); send it back with the signature.</param>
public sealed record FormReviewResponse(Guid CampaignId, string CampaignName, string Title, string Html, IReadOnlyList<string> StatutoryItems,
    int FormVersion, string FormSha256, string PdfUrl);
