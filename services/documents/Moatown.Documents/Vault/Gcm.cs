using System.Security.Cryptography;

namespace Moatown.Documents.Vault;

/// <summary>
/// AES-256-GCM in one self-contained form for wrapped keys: nonce (12) ‖ ciphertext ‖ tag (16).
/// A fresh random nonce per seal is safe here: every key seals few enough values that a 96-bit
/// random nonce never repeats in practice.
/// </summary>
internal static class Gcm
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), associatedData);
        return sealedBytes;
    }

    /// <exception cref="CryptographicException">Altered, truncated, or sealed under another key or associated data.</exception>
    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Sealed value is truncated.");
        }
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plaintext, associatedData);
        return plaintext;
    }
}
