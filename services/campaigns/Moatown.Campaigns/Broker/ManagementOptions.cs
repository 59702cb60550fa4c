namespace Moatown.Campaigns.Broker;

/// <summary>
/// The RabbitMQ management HTTP API (plugin rabbitmq_management), used to give city systems their
/// own users and queues and to look at dead letters. User and password default to those of the
/// broker connection string (the broker's administrator).
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Messaging:Management";

    public Uri? Url { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string VirtualHost { get; set; } = "/";
}
