namespace Moatown.SampleSubscriber;

/// <summary>What Moatown's provider admin gave you, and where to keep your place.</summary>
public sealed class SubscriberOptions
{
    public const string Section = "Subscriber";

    /// <summary>amqp://{username}:{password}@{host}:{port}/ — the credentials of your subscriber.</summary>
    public Uri? Broker { get; set; }
    /// <summary>Your queue, "moatown.subscriber.{name}".</summary>
    public string Queue { get; set; } = "";
    /// <summary>The gateway, e.g. http://localhost:8080/ (backfill is GET {Api}api/campaigns/events).</summary>
    public Uri? Api { get; set; }
    /// <summary>The OAuth token endpoint, e.g. http://localhost:8080/connect/token.</summary>
    public Uri? TokenEndpoint { get; set; }
    /// <summary>Your city-system OAuth client (role city-system, bound to your district).</summary>
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>Where the seen ids, each campaign's last sequence and the backfill cursor are kept.</summary>
    public string? StateFile { get; set; } = "subscriber-state.json";
    public int PageSize { get; set; } = 500;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
