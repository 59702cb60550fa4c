using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// Connecting information (연계정보, CI): 88 base64 characters (64 bytes) that identify a person across
/// services. Real providers derive it from the resident registration number with a key held by the
/// certification authority; the simulation derives it from the verified name and birth date with its own
/// key, so the same person gets the same CI and two people get different ones.
/// </summary>
public sealed class ConnectingInformation(IOptions<SimulatedProviderOptions> options)
{
    private readonly byte[] _key = Convert.FromBase64String(options.Value.ConnectingInformationKey!);

    public string For(string name, DateOnly birthDate)
    {
        // The person, not the keystrokes: the same name typed composed (NFC) or decomposed (NFD) is one person.
        var person = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{name.Trim().Normalize(NormalizationForm.FormC)}|{birthDate:yyyy-MM-dd}"));
        return Convert.ToBase64String(HMACSHA512.HashData(_key, person));
    }
}
