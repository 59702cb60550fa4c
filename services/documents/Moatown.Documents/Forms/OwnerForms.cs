using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;
using Moatown.Documents.Rendering;
using Moatown.Documents.Vault;

namespace Moatown.Documents.Forms;

/// <summary>
/// An owner's consent form, rendered from campaigns' particulars and kept in the vault once per
/// distinct content: what the owner reads, downloads and signs is one document with one hash.
/// </summary>
public sealed class OwnerForms(DocumentsDbContext db, CampaignForms campaigns, ConsentFormRenderer renderer, DocumentVault vault, TimeProvider time)
{
    public const string Kind = "form";

    /// <summary>Null when the campaign is not open or the holder is not on its roll.</summary>
    public async Task<OwnerFormDocument?> GetAsync(Guid campaignId, Guid holderId, CancellationToken cancellationToken)
    {
        var particulars = await campaigns.GetAsync(campaignId, holderId, cancellationToken);
        if (particulars is null)
        {
            return null;
        }
        var content = new ConsentFormContent(particulars.CampaignId, particulars.CampaignName, particulars.District, particulars.AreaName,
            particulars.Title, particulars.Body, particulars.StatutoryItems, particulars.FormVersion);
        var owner = new OwnerParticulars(particulars.HolderId, particulars.OwnerName, null,
            [.. particulars.Properties.Select(p => new OwnedProperty(p.PropertyId, p.Kind, p.LotNumber, p.LandAreaM2, p.Share))]);
        var pdf = renderer.RenderPdf(content, owner);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var existing = await db.RenderedForms.AsNoTracking()
            .FirstOrDefaultAsync(f => f.CampaignId == campaignId && f.HolderId == holderId && f.Sha256 == sha256, cancellationToken);
        var documentId = existing?.DocumentId;
        if (documentId is null)
        {
            var stored = await vault.StoreAsync(campaignId, Kind, pdf, "application/pdf", cancellationToken);
            db.RenderedForms.Add(new RenderedFormRecord
            {
                CampaignId = campaignId, HolderId = holderId, Sha256 = sha256, DocumentId = stored.Id, RenderedAt = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                documentId = stored.Id;
            }
            catch (DbUpdateException)
            {
                // The owner opened the form twice at once: the other render was recorded first; use it.
                db.ChangeTracker.Clear();
                documentId = (await db.RenderedForms.AsNoTracking()
                    .FirstAsync(f => f.CampaignId == campaignId && f.HolderId == holderId && f.Sha256 == sha256, cancellationToken)).DocumentId;
            }
        }
        return new OwnerFormDocument(documentId.Value, sha256, renderer.RenderHtml(content, owner), particulars.CampaignName, particulars.Title,
            particulars.StatutoryItems, particulars.FormVersion);
    }
}

public sealed record OwnerFormDocument(Guid DocumentId, string Sha256, string Html, string CampaignName, string Title, IReadOnlyList<string> StatutoryItems,
    int FormVersion);
