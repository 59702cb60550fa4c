using System.Text.Json;

namespace Moatown.IntegrationTests.Authorization;

/// <summary>The checked-in matrix: "service METHOD pattern" → who is let in, and why.</summary>
public static class AuthorizationMatrix
{
    public static Dictionary<string, MatrixEntry> Load() => JsonSerializer.Deserialize<Dictionary<string, MatrixEntry>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Authorization", "authorization-matrix.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}

/// <param name="Allowed">The caller kinds let in (see <see cref="MatrixWorld.Callers"/>); everyone else is refused.</param>
/// <param name="Why">The rule, in the product's words.</param>
/// <param name="MayBeNotFound">An allowed caller may still be told "not found" with the test's real ids (e.g. a campaign with nothing of that kind).</param>
public sealed record MatrixEntry(string[] Allowed, string? Why, bool MayBeNotFound = false);

