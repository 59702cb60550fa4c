using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Moatown.ServiceDefaults.PersonalData;

/// <summary>
/// Seals a one-time verification code for its trip from identity to notifications through the
/// broker: AES-256-GCM under a key only those two services are given (<c>VerificationCodes:Key</c>),
/// with the challenge id as associated data, so a sealed code cannot be moved to another challenge.
/// </summary>
public sealed class VerificationCodeSeal
{
    public const string KeySetting = "VerificationCodes:Key";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public VerificationCodeSeal(IConfiguration configuration)
    {
        var key = configuration[KeySetting] is { Length: > 0 } value
            ? Convert.FromBase64String(value)
            : throw new InvalidOperationException($"{KeySetting} is not configured.");
        _key = key.Length == 32 ? key : throw new InvalidOperationException($"{KeySetting} must be 32 bytes (base64).");
    }

    public string Seal(string code, Guid challengeId)
    {
        var plaintext = Encoding.UTF8.GetBytes(code);
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), challengeId.ToByteArray());
        return Convert.ToBase64String(output);
    }

    /// <exception cref="CryptographicException">The sealed code was altered, or belongs to another challenge.</exception>
    public string Open(string sealedCode, Guid challengeId)
    {
        var input = Convert.FromBase64String(sealedCode);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed code is too short.");
        }
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext, challengeId.ToByteArray());
        return Encoding.UTF8.GetString(plaintext);
    }
}

public static class VerificationCodeSealExtensions
{
    public static IHostApplicationBuilder AddVerificationCodeSeal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VerificationCodeSeal>();
        return builder;
    }
}
