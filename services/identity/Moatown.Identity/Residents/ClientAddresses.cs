using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Identity.Residents;

/// <summary>
/// The resident's client address as a blind key: enough to throttle and audit by, while the
/// address itself (personal data) is never stored. The gateway forwards it (X-Forwarded-For),
/// which this service trusts only from its configured proxies.
/// </summary>
public sealed class ClientAddresses(PersonalDataProtector protector)
{
    public string KeyOf(HttpContext context) =>
        protector.BlindIndex(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", "client.address");
}
