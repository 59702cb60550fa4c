namespace Moatown.Notifications.Providers;

/// <summary>Configuration section "Notifications:Sms". Secrets (ApiKey, CallbackSecret) come from configuration only.</summary>
public sealed class SmsProviderOptions
{
    public const string Section = "Notifications:Sms";
    public const string Local = "local";
    public const string Http = "http";

    /// <summary>"local" (the sink; the default in Development) or "http".</summary>
    public string? Provider { get; set; }
    public Uri? Url { get; set; }
    public string? ApiKey { get; set; }
    public string ApiKeyHeader { get; set; } = "X-Api-Key";
    /// <summary>The registered sender number (발신번호) texts come from.</summary>
    public string? Sender { get; set; }
    /// <summary>Shared secret the provider presents on delivery-status callbacks (header X-Callback-Secret).</summary>
    public string? CallbackSecret { get; set; }
    /// <summary>How long one POST to the provider may take before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
