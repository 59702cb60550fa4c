namespace Moatown.Campaigns.PublicEvents;

public sealed class PublicEventOptions
{
    public const string Section = "Messaging:PublicEvents";

    /// <summary>The durable topic exchange city systems' queues are bound to; not MassTransit's.</summary>
    public string Exchange { get; set; } = "moatown.public";
    public bool RelayEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public int BatchSize { get; set; } = 200;
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Largest page of <c>GET /api/campaigns/events</c>.</summary>
    public int MaxPage { get; set; } = 1000;
}
