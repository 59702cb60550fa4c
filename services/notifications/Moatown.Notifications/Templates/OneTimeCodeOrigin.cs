namespace Moatown.Notifications.Templates;

/// <summary>
/// The site a verification code is for, named on the text's last line ("@host #code") so the phone
/// offers the code only on that site. It is the gateway's public host: <c>Notifications:VerificationCodes:OriginHost</c>,
/// or else the host of <c>Identity:Issuer</c> (the gateway's public address, which every service knows).
/// Without either the code goes out in the older wording without that line.
/// </summary>
public sealed class OneTimeCodeOrigin(string? host)
{
    public const string HostKey = "Notifications:VerificationCodes:OriginHost";

    /// <summary>A bare host name ("moatown.seoul.kr"): the format has no scheme and no port.</summary>
    public string? Host { get; } = string.IsNullOrWhiteSpace(host) ? null : host.Trim();

    public static OneTimeCodeOrigin From(IConfiguration configuration)
    {
        if (configuration[HostKey] is { Length: > 0 } configured)
        {
            return new(Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : configured);
        }
        return new(Uri.TryCreate(configuration["Identity:Issuer"], UriKind.Absolute, out var issuer) ? issuer.Host : null);
    }

    /// <summary>The template and its values for a code: the origin-bound wording when the host is known.</summary>
    public (MessageTemplate Template, Dictionary<string, string> Values) Text(string code, string minutes) => Host is { } host
        ? (MessageTemplates.VerificationCodeV2, new() { ["code"] = code, ["minutes"] = minutes, ["host"] = host })
        : (MessageTemplates.VerificationCodeV1, new() { ["code"] = code, ["minutes"] = minutes });
}
