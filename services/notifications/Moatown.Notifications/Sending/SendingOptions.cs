namespace Moatown.Notifications.Sending;

/// <summary>Configuration section "Notifications:Sending".</summary>
public sealed class SendingOptions
{
    public const string Section = "Notifications:Sending";

    /// <summary>Off for a replica that must not send; its queue is left to the replicas that do.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Messages one pass sends before it looks at the clock and the signal again.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>Attempts before a message is marked failed (a permanent refusal fails at once).</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Wait after the first failed attempt; doubled after each further one, with jitter.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>At most this many messages to one number per <see cref="ThrottleWindow"/>; more wait, none are dropped.</summary>
    public int MessagesPerNumber { get; set; } = 5;
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(10);
}
