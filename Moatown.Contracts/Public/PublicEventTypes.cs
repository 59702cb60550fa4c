namespace Moatown.Contracts.Public;

/// <summary>
/// The names of the public events on the wire: the CloudEvents <c>type</c> is
/// <c>moatown.{name}.v{major}</c>, the routing key <c>moatown.{district code}.{name}.v{major}</c>
/// and the schema <c>docs/events/{name}.v{major}.schema.json</c>.
/// </summary>
public static class PublicEventTypes
{
    public const string Prefix = "moatown";

    public static readonly IReadOnlyDictionary<Type, PublicEventType> ByType = new Dictionary<Type, PublicEventType>
    {
        [typeof(V1.CampaignOpened)] = new("campaign-opened", 1),
        [typeof(V1.CampaignClosed)] = new("campaign-closed", 1),
        [typeof(V1.RollVersionPublished)] = new("roll-version-published", 1),
        [typeof(V1.ConsentSigned)] = new("consent-signed", 1),
        [typeof(V1.ConsentWithdrawn)] = new("consent-withdrawn", 1),
        [typeof(V1.ConsentRateChanged)] = new("consent-rate-changed", 1),
        [typeof(V1.ConsentThresholdReached)] = new("consent-threshold-reached", 1),
    };

    public static PublicEventType Of(Type type) =>
        ByType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type} is not a public event.", nameof(type));
}

/// <param name="Name">Kebab-case, e.g. "consent-signed".</param>
/// <param name="Major">The contract's major version.</param>
public sealed record PublicEventType(string Name, int Major)
{
    /// <summary>The CloudEvents type attribute, e.g. "moatown.consent-signed.v1".</summary>
    public string CloudEventType => $"{PublicEventTypes.Prefix}.{Name}.v{Major}";

    /// <summary>e.g. "consent-signed.v1", the schema's file name without ".schema.json".</summary>
    public string SchemaName => $"{Name}.v{Major}";
}
