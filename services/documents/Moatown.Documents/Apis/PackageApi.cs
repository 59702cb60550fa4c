using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Documents.Data;
using Moatown.Documents.Packages;
using Moatown.Documents.Vault;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Documents.Apis;

public static class PackageApi
{
    public static IEndpointRouteBuilder MapPackageApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/documents").WithTags("Document vault")
            .MapGet("/campaigns/{campaignId:guid}/package", DownloadPackage).WithName(nameof(DownloadPackage))
            .WithSummary("The campaign's submission package for the district office (ZIP)")
            .RequireAuthorization(VaultPolicies.Download);
        return app;
    }

    /// <summary>Every sealed document of the campaign with a roster, the tally and a signed manifest; audited like a download.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> DownloadPackage(
        Guid campaignId, ClaimsPrincipal user, SubmissionPackage package, DocumentsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await DocumentAccess.CanReadCampaignAsync(user, campaignId, db, cancellationToken))
        {
            // Not 403: whether another office's or organizer's campaign exists is not the caller's to learn.
            return TypedResults.NotFound();
        }
        try
        {
            var zip = await package.BuildAsync(campaignId, user.SubjectId(), cancellationToken);
            if (zip is null)
            {
                return TypedResults.NotFound();
            }
            // The documents in it hold personal data: no cache along the way keeps a copy.
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(zip, "application/zip", $"moatown-package-{campaignId}.zip");
        }
        catch (CampaignShreddedException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Campaign shredded",
                detail: "The campaign's keys were destroyed at the end of its retention; its documents can no longer be packaged.");
        }
        catch (DocumentIntegrityException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Document failed its integrity check",
                detail: $"Document {e.DocumentId} is not the one that was stored, so no package is made. The failure is recorded.");
        }
        catch (MasterKeyUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Document key unavailable",
                detail: "The master key this campaign's key is wrapped by is not configured.");
        }
    }
}
