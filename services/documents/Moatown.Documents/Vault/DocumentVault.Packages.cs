namespace Moatown.Documents.Vault;

public sealed partial class DocumentVault
{
    /// <summary>
    /// Records that a campaign's submission package was handed out, once for the whole package (each
    /// document read for it is audited on its own, with <see cref="VaultActions.Package"/>).
    /// </summary>
    public async Task RecordPackageAsync(Guid campaignId, string actor, string outcome, CancellationToken cancellationToken)
    {
        Audit(actor, VaultActions.Package, null, campaignId, outcome);
        await db.SaveChangesAsync(cancellationToken);
    }
}
