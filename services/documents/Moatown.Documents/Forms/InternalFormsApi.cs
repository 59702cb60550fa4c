using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Documents.Vault;

namespace Moatown.Documents.Forms;

/// <summary>
/// Internal, for the signing service: an owner's form (rendered, kept, with its hash and HTML) and the
/// exact bytes of a form document. Under <c>/internal</c>, which the gateway does not route.
/// </summary>
public static class InternalFormsApi
{
    public const string SigningPolicy = "documents:signing-service";

    public static RouteGroupBuilder MapInternalFormsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/documents").WithTags("Internal").RequireAuthorization(SigningPolicy);
        api.MapPost("/forms", GetOwnerForm).WithName(nameof(GetOwnerForm));
        api.MapGet("/{documentId:guid}/content", GetDocumentContent).WithName(nameof(GetDocumentContent));
        return api;
    }

    public static async Task<Results<Ok<OwnerFormDocument>, NotFound, ValidationProblem>> GetOwnerForm(
        OwnerFormRequest request, OwnerForms forms, CancellationToken cancellationToken)
    {
        if (request.CampaignId == Guid.Empty || request.HolderId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaignId"] = ["Send the campaign and holder ids."] });
        }
        var form = await forms.GetAsync(request.CampaignId, request.HolderId, cancellationToken);
        return form is null ? TypedResults.NotFound() : TypedResults.Ok(form);
    }

    /// <summary>
    /// A form, or a sealed consent or withdrawal the signing service hands to its own holder (signing
    /// asks only for documents its submissions produced). Every read is in the vault's audit trail.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> GetDocumentContent(
        Guid documentId, DocumentVault vault, CancellationToken cancellationToken)
    {
        var metadata = await vault.DescribeAsync(documentId, cancellationToken);
        if (metadata is not { Kind: OwnerForms.Kind or "consent" or "withdrawal" })
        {
            return TypedResults.NotFound();
        }
        var document = await vault.ReadAsync(documentId, new VaultReader("service-signing", VaultActions.Read, "holder's own document"), cancellationToken);
        return document is null ? TypedResults.NotFound() : TypedResults.File(document.Content, metadata.ContentType);
    }
}

public sealed record OwnerFormRequest(Guid CampaignId, Guid HolderId);
