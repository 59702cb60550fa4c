namespace Moatown.Documents.Vault;

internal static class VaultPolicies
{
    /// <summary>Download a document's content or a campaign's package: organizers and district officers (see <see cref="DocumentAccess"/> for which campaigns'). Not provider admins.</summary>
    public const string Download = "documents:download";

    /// <summary>Rotate the master key and shred campaigns: provider admins only.</summary>
    public const string Administer = "documents:vault-administer";
}
