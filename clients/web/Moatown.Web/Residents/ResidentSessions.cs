namespace Moatown.Web.Residents;

/// <summary>
/// A verified resident's signer token, held for the pages of the signing flow.
/// </summary>
internal static class ResidentSessions
{
    public static void AddResidentSessions(this IHostApplicationBuilder builder)
    {
    }
}
