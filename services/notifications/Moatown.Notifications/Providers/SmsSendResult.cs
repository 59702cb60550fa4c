namespace Moatown.Notifications.Providers;

/// <summary>What one attempt came to. Reasons are the provider's status or an exception type: never the number or the text.</summary>
public abstract record SmsSendResult
{
    /// <param name="Delivered">The provider already knows it reached the phone (the local sink); otherwise a callback tells later.</param>
    public sealed record Accepted(string ProviderMessageId, bool Delivered) : SmsSendResult;

    /// <summary>Worth another attempt later: a timeout, 5xx, 429, the network.</summary>
    public sealed record TransientFailure(string Reason) : SmsSendResult;

    /// <summary>Another attempt would fail the same way: the provider refused the request itself.</summary>
    public sealed record PermanentFailure(string Reason) : SmsSendResult;
}
