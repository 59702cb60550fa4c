using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Documents.Data;
using Moatown.Documents.Vault;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Documents.Apis;

public static class VaultApi
{
    public static IEndpointRouteBuilder MapVaultApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("Document vault");

        api.MapGet("/{documentId:guid}/content", DownloadDocument).WithName(nameof(DownloadDocument))
            .RequireAuthorization(VaultPolicies.Download);
        api.MapPost("/vault/rotate", RotateMasterKey).WithName(nameof(RotateMasterKey))
            .RequireAuthorization(VaultPolicies.Administer);
        api.MapPost("/campaigns/{campaignId:guid}/shred", ShredCampaign).WithName(nameof(ShredCampaign))
            .RequireAuthorization(VaultPolicies.Administer);
        return app;
    }

    /// <summary>A document's content, decrypted and checked; every download is audited with the caller and the purpose given.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> DownloadDocument(
        Guid documentId, string? purpose, ClaimsPrincipal user, DocumentVault vault, DocumentsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (purpose is { Length: > VaultModel.MaxPurposeLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["purpose"] = [$"The purpose may be at most {VaultModel.MaxPurposeLength} characters."],
            });
        }
        var reader = VaultReader.Download(user.SubjectId(), string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim());
        var metadata = await vault.DescribeAsync(documentId, cancellationToken);
        if (metadata is null)
        {
            return TypedResults.NotFound();
        }
        if (!await DocumentAccess.CanReadAsync(user, metadata, db, cancellationToken))
        {
            // Not 403: whether a document the caller may not see exists is not theirs to learn.
            await vault.RecordDeniedAsync(metadata, reader, cancellationToken);
            return TypedResults.NotFound();
        }
        try
        {
            var document = await vault.ReadAsync(documentId, reader, cancellationToken);
            if (document is null)
            {
                return TypedResults.NotFound();
            }
            // Decrypted documents hold personal data: no cache along the way keeps a copy.
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(document.Content, document.Metadata.ContentType);
        }
        catch (CampaignShreddedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Document shredded",
                detail: "The campaign's keys were destroyed at the end of its retention; this document can no longer be read.");
        }
        catch (DocumentIntegrityException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Document failed its integrity check",
                detail: "The stored document is not the one that was stored, so it is not returned. The failure is recorded.");
        }
        catch (MasterKeyUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Document key unavailable",
                detail: "The master key this document's campaign key is wrapped by is not configured.");
        }
    }

    /// <summary>Re-wraps every campaign key under the active master key; documents are not re-encrypted.</summary>
    public static async Task<Ok<RotationReport>> RotateMasterKey(ClaimsPrincipal user, DocumentVault vault, CancellationToken cancellationToken) =>
        TypedResults.Ok(await vault.RotateMasterKeyAsync(user.SubjectId(), cancellationToken));

    /// <summary>Destroys a campaign's keys at the end of its retention: its documents become unreadable for good.</summary>
    public static async Task<Results<Ok<ShredReport>, ValidationProblem>> ShredCampaign(
        Guid campaignId, ShredRequest request, ClaimsPrincipal user, DocumentVault vault, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > VaultModel.MaxPurposeLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Give the reason for shredding (e.g. the end of the retention period), 1 to {VaultModel.MaxPurposeLength} characters."],
            });
        }
        return TypedResults.Ok(await vault.ShredCampaignAsync(campaignId, user.SubjectId(), request.Reason.Trim(), cancellationToken));
    }
}

/// <param name="Reason">Why the campaign's documents are destroyed, for the audit trail (e.g. "retention ended 2031-12-31").</param>
public sealed record ShredRequest(string? Reason);
