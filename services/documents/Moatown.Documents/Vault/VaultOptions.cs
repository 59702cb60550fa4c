using Microsoft.Extensions.Options;

namespace Moatown.Documents.Vault;

/// <summary>
/// The vault's master keys when they come from configuration (section <c>Documents:Vault</c>), as in
/// development and tests; production passes them from its secret store the same way, or replaces
/// <see cref="IMasterKeys"/> with a KMS. Never in appsettings files, never in the database they protect.
/// </summary>
public sealed class VaultOptions
{
    public const string Section = "Documents:Vault";

    /// <summary>Master key id → base64 of a 256-bit AES key. Retired keys stay listed until a rotation has re-wrapped everything.</summary>
    public Dictionary<string, string> MasterKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The master key id new campaign keys are wrapped with, and rotation re-wraps to.</summary>
    public string? ActiveMasterKey { get; set; }
}

/// <summary>Refuses to start with missing or malformed keys, naming the setting (never its value).</summary>
internal sealed class VaultOptionsValidation : IValidateOptions<VaultOptions>
{
    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ActiveMasterKey))
        {
            errors.Add($"{VaultOptions.Section}:ActiveMasterKey is not configured.");
        }
        else if (!options.MasterKeys.ContainsKey(options.ActiveMasterKey))
        {
            errors.Add($"{VaultOptions.Section}:ActiveMasterKey names '{options.ActiveMasterKey}', but {VaultOptions.Section}:MasterKeys:{options.ActiveMasterKey} is not configured.");
        }
        foreach (var (id, value) in options.MasterKeys)
        {
            if (ConfigurationMasterKeys.TryDecode(value) is null)
            {
                errors.Add($"{VaultOptions.Section}:MasterKeys:{id} must be the base64 of exactly 32 bytes.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
