namespace Moatown.Documents.Vault;

internal static class VaultPolicies
{
    /// <summary>Download a document's content: provider admins and district officers (see <see cref="DocumentAccess"/> for which documents).</summary>
    public const string Download = "documents:download";

    /// <summary>Rotate the master key and shred campaigns: provider admins only.</summary>
    public const string Administer = "documents:vault-administer";
}
