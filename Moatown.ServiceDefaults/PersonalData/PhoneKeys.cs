namespace Moatown.ServiceDefaults.PersonalData;

/// <summary>
/// A phone number's blind index for counting what was sent to it (verification codes), without
/// keeping the number: every service with the blind-index key computes the same key.
/// </summary>
public static class PhoneKeys
{
    public const string Purpose = "phone.throttle";

    /// <param name="e164">A number already in E.164.</param>
    public static string Of(PersonalDataProtector protector, string e164) => protector.BlindIndex(e164, Purpose);
}
