using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moatown.Documents.Vault;

/// <summary>
/// Master keys from configuration (<see cref="VaultOptions"/>): a wrap is AES-256-GCM of the key
/// under the master key, with the context as associated data, so a wrapped key copied to another
/// campaign's row does not unwrap there.
/// </summary>
internal sealed class ConfigurationMasterKeys : IMasterKeys
{
    private readonly Dictionary<string, byte[]> _keys;

    public ConfigurationMasterKeys(IOptions<VaultOptions> options)
    {
        // Validated at start-up (VaultOptionsValidation); decoding again here keeps this class usable on its own.
        var settings = options.Value;
        _keys = settings.MasterKeys.ToDictionary(pair => pair.Key,
            pair => TryDecode(pair.Value) ?? throw new InvalidOperationException($"{VaultOptions.Section}:MasterKeys:{pair.Key} must be the base64 of exactly 32 bytes."),
            StringComparer.Ordinal);
        ActiveKeyId = settings.ActiveMasterKey is { } active && _keys.ContainsKey(active)
            ? active
            : throw new InvalidOperationException($"{VaultOptions.Section}:ActiveMasterKey does not name a configured master key.");
    }

    public string ActiveKeyId { get; }

    public Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> dataKey, string context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WrappedKey(ActiveKeyId, Gcm.Seal(_keys[ActiveKeyId], dataKey.Span, Encoding.UTF8.GetBytes(context))));

    public Task<byte[]> UnwrapAsync(WrappedKey wrapped, string context, CancellationToken cancellationToken = default)
    {
        if (!_keys.TryGetValue(wrapped.MasterKeyId, out var key))
        {
            throw new MasterKeyUnavailableException(wrapped.MasterKeyId);
        }
        return Task.FromResult(Gcm.Open(key, wrapped.Wrapped, Encoding.UTF8.GetBytes(context)));
    }

    /// <summary>The key, or null when the value is not base64 of exactly 32 bytes.</summary>
    internal static byte[]? TryDecode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}
