using Microsoft.EntityFrameworkCore;

namespace Moatown.Documents.Forms;

internal static class FormsModel
{
    public static void MapRenderedForms(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<RenderedFormRecord>(form =>
        {
            form.ToTable("rendered_forms");
            form.HasKey(f => f.Id);
            form.Property(f => f.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            form.Property(f => f.CampaignId).HasColumnName("campaign_id");
            form.Property(f => f.HolderId).HasColumnName("holder_id");
            form.Property(f => f.Sha256).HasColumnName("sha256").HasMaxLength(64);
            form.Property(f => f.DocumentId).HasColumnName("document_id");
            form.Property(f => f.RenderedAt).HasColumnName("rendered_at");
            form.HasIndex(f => new { f.CampaignId, f.HolderId, f.Sha256 }).IsUnique();
        });
}
