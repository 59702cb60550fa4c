using Microsoft.AspNetCore.Components;
using Moatown.Web.Display;

namespace Moatown.Web.Residents;

/// <summary>
/// What every resident page shares: the request (static rendering), the protected session, the gateway
/// APIs, the visitor's language, and a notice to show. Forms post back to the page itself (plain forms,
/// no script); a step that moves on redirects, so a reload never submits twice.
/// </summary>
public abstract class ResidentPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = null!;

    [Inject]
    internal ResidentSessionStore Sessions { get; set; } = null!;

    [Inject]
    internal ResidentApi Api { get; set; } = null!;

    [Inject]
    protected DisplayPreferences Display { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [Inject]
    protected TimeProvider Time { get; set; } = null!;

    internal ResidentNotice? Notice { get; set; }

    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>A posted field (the pages read the form themselves: plain names, repeated checkboxes).</summary>
    protected string? Field(string name) => IsPost && HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[name].ToString() : null;

    protected IReadOnlyList<string> Fields(string name) =>
        IsPost && HttpContext.Request.HasFormContentType ? [.. HttpContext.Request.Form[name].OfType<string>()] : [];

    /// <summary>Moves on with a notice for the next page (shown once).</summary>
    internal void GoTo(string url, ResidentNotice? notice = null)
    {
        if (notice is not null && Sessions.Read() is { } session)
        {
            Sessions.Write(session with { Notice = notice });
        }
        Navigation.NavigateTo(url);
    }

    /// <summary>Without a live signer token the resident is sent to verify again, told why.</summary>
    internal ResidentSession? RequireVerified()
    {
        if (Sessions.Verified() is { } session)
        {
            return session;
        }
        Notice = ResidentMessages.For("session-expired");
        return null;
    }

    protected string When(DateTimeOffset? at) => at is { } value
        ? TimeZoneInfo.ConvertTime(value, Seoul).ToString(Display.IsEnglish ? "d MMM yyyy, HH:mm:ss" : "yyyy년 M월 d일 HH:mm:ss", Display.Culture)
            + (Display.IsEnglish ? " (Korea time)" : "")
        : "";

    private static readonly TimeZoneInfo Seoul = FindSeoul();

    private static TimeZoneInfo FindSeoul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");
        }
    }
}
