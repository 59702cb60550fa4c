namespace Moatown.Contracts;

/// <summary>
/// Resolves event type names stored in outboxes back to contract types. Only types from this
/// assembly can be named, so a tampered or stale outbox row cannot instantiate arbitrary types.
/// </summary>
public static class EventTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(EventTypes).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: not null } && t.Namespace != typeof(EventTypes).Namespace)
        .ToDictionary(NameOf, StringComparer.Ordinal);

    public static string NameOf(Type type) => type.FullName ?? throw new ArgumentException("Event type needs a full name.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown event type '{name}'.");

    public static IReadOnlyCollection<Type> All => ByName.Values;
}
