namespace Moatown.Documents.Vault;

/// <summary>
/// The top of the vault's key hierarchy: versioned master keys that wrap campaign keys. This is the
/// seam a real KMS or HSM plugs into; master key material never has to leave it, the vault only
/// ever hands it a key to wrap or a wrapped key to unwrap.
/// </summary>
public interface IMasterKeys
{
    /// <summary>The id of the master key new wraps are made with.</summary>
    string ActiveKeyId { get; }

    /// <summary>Wraps a key under the active master key, bound to <paramref name="context"/> (who the key belongs to).</summary>
    Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> dataKey, string context, CancellationToken cancellationToken = default);

    /// <summary>Unwraps a key wrapped by any master key still configured, under the same context.</summary>
    /// <exception cref="MasterKeyUnavailableException">The master key it names is not (or no longer) configured.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The wrapped key was altered or belongs to another context.</exception>
    Task<byte[]> UnwrapAsync(WrappedKey wrapped, string context, CancellationToken cancellationToken = default);
}

/// <summary>A key wrapped by the master key <paramref name="MasterKeyId"/>; opaque to everyone but its <see cref="IMasterKeys"/>.</summary>
public sealed record WrappedKey(string MasterKeyId, byte[] Wrapped);
