using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moatown.ServiceDefaults.PersonalData;

/// <summary>
/// Encrypts personal data field by field with AES-256-GCM, and computes blind indexes (keyed
/// HMAC-SHA256) for the few lookups that must find a person without decrypting every row.
/// Each value is bound to its purpose (e.g. "holder.name") as associated data, so a ciphertext
/// copied into another column does not decrypt there.
/// Format: "pd1.{keyId}.{base64(nonce ‖ ciphertext ‖ tag)}".
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "pd1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly byte[] _blindIndexKey;
    // An AesGcm holds a native cipher context whose set-up costs more than sealing a name; one per
    // key per thread (an instance is not safe to share between threads) makes a 100,000-holder
    // import's 600,000 fields affordable.
    private readonly ThreadLocal<Dictionary<string, AesGcm>> _ciphers = new(() => new(StringComparer.Ordinal));

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var settings = options.Value;
        _keys = settings.Keys.ToDictionary(pair => pair.Key, pair => DecodeKey(pair.Value, $"PersonalData:Keys:{pair.Key}"), StringComparer.Ordinal);
        _activeKeyId = settings.ActiveKeyId ?? throw new InvalidOperationException("PersonalData:ActiveKeyId is not configured.");
        if (!_keys.ContainsKey(_activeKeyId))
        {
            throw new InvalidOperationException($"PersonalData:ActiveKeyId '{_activeKeyId}' names no configured key.");
        }
        if (_activeKeyId.Contains('.', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A personal-data key id must not contain '.'.");
        }
        _blindIndexKey = DecodeKey(settings.BlindIndexKey, "PersonalData:BlindIndexKey");
    }

    public string Protect(string value, string purpose)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Cipher(_activeKeyId).Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length),
            sealedBytes.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(purpose));
        return $"{Version}.{_activeKeyId}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <exception cref="CryptographicException">The value was altered, belongs to another purpose, or its key is gone.</exception>
    public string Unprotect(string protectedValue, string purpose)
    {
        var parts = protectedValue.Split('.', 3);
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("Not a protected personal-data value.");
        }
        if (!_keys.ContainsKey(parts[1]))
        {
            throw new CryptographicException($"Personal-data key '{parts[1]}' is not configured.");
        }
        var sealedBytes = Convert.FromBase64String(parts[2]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Protected personal-data value is truncated.");
        }
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        Cipher(parts[1]).Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length),
            sealedBytes.AsSpan(NonceSize + length), plaintext, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>Equal inputs give equal indexes; the index reveals nothing without the key.</summary>
    public string BlindIndex(string value, string purpose)
    {
        var input = Encoding.UTF8.GetBytes($"{purpose}\n{value}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_blindIndexKey, input));
    }

    /// <summary>Whether a stored value was written with a key other than the active one (to re-encrypt after rotation).</summary>
    public bool NeedsReprotect(string protectedValue) =>
        !protectedValue.StartsWith($"{Version}.{_activeKeyId}.", StringComparison.Ordinal);

    private AesGcm Cipher(string keyId)
    {
        var ciphers = _ciphers.Value!;
        if (!ciphers.TryGetValue(keyId, out var cipher))
        {
            ciphers.Add(keyId, cipher = new AesGcm(_keys[keyId], TagSize));
        }
        return cipher;
    }

    private static byte[] DecodeKey(string? base64, string name)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException($"{name} is not configured.");
        }
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"{name} must be 32 bytes (base64).");
    }
}
