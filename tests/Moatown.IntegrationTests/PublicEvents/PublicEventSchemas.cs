using System.Text.Json;
using Json.Schema;
using Moatown.Testing;

namespace Moatown.IntegrationTests.PublicEvents;

/// <summary>The published JSON Schemas in docs/events/, one per event type and major version.</summary>
public static class PublicEventSchemas
{
    public static string Directory => Path.Combine(RepositoryLayout.Root, "docs", "events");

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
        System.IO.Directory.GetFiles(Directory, "*.schema.json").ToDictionary(
            file => "moatown." + Path.GetFileName(file)[..^".schema.json".Length],
            file => JsonSchema.FromText(File.ReadAllText(file)),
            StringComparer.Ordinal));

    public static IReadOnlyCollection<string> Types => Schemas.Value.Keys;

    /// <summary>Fails with every error when the CloudEvent does not match the schema of its type.</summary>
    public static void AssertValid(JsonElement cloudEvent)
    {
        var type = cloudEvent.GetProperty("type").GetString()!;
        Assert.True(Schemas.Value.TryGetValue(type, out var schema), $"No schema in docs/events for {type}.");
        var result = schema.Evaluate(cloudEvent,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{type} does not match its schema: " + string.Join("; ",
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
