using System.Collections.Concurrent;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Rolls;

/// <summary>
/// Encrypts the personal fields of one import, each value once per holder: a person on many rows
/// (several parcels, a building and its land) has the same name on each, and those rows already
/// share their holder id, so one ciphertext on them reveals nothing more. Two holders never share
/// a ciphertext, so equal birth dates or addresses of different people stay invisible.
/// Safe to use from several threads.
/// </summary>
internal sealed class RollFieldSealer(PersonalDataProtector protector)
{
    private readonly ConcurrentDictionary<(Guid Holder, string Purpose, string Value), string> sealedValues = new();

    public string Protect(Guid holderId, string value, string purpose) =>
        sealedValues.GetOrAdd((holderId, purpose, value), static (key, protector) => protector.Protect(key.Value, key.Purpose), protector);

    public string Index(string value, string purpose) => protector.BlindIndex(value, purpose);
}
