namespace Moatown.Web.Display;

/// <summary>
/// Times as people here read them: Korea Standard Time, whatever zone the server runs in.
/// The services answer in UTC; a consent time-stamped at 23:30 UTC was signed the next morning in Seoul.
/// </summary>
public static class SeoulClock
{
    private static readonly TimeZoneInfo Seoul = FindSeoul();

    public static DateTimeOffset ToSeoul(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Seoul);

    /// <summary>"2026-12-05 14:03:07 KST".</summary>
    public static string Format(DateTimeOffset time) =>
        ToSeoul(time).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " KST";

    /// <summary>"14:03:07".</summary>
    public static string FormatTime(DateTimeOffset time) =>
        ToSeoul(time).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? time) => time is { } value ? Format(value) : "–";

    private static TimeZoneInfo FindSeoul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tzdata: Korea keeps no daylight saving time, so a fixed +09:00 is exact.
            return TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");
        }
    }
}
