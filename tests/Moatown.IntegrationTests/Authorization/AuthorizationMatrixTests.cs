using System.Net;
using System.Text;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Authorization;

/// <summary>
/// Every endpoint of every service against <c>authorization-matrix.json</c>: each declares who may
/// call it, the matrix names exactly the endpoints there are (a new one without an entry fails
/// here), and each caller kind is let in or turned away as the matrix says, with real ids.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuthorizationMatrixTests(SystemFixture system)
{
    private static readonly Dictionary<string, MatrixEntry> Matrix = AuthorizationMatrix.Load();

    /// <summary>Callers who pass the role check but whose campaign it is not: they are answered "not found".</summary>
    private static readonly HashSet<string> OtherTenants = ["other-organizer", "other-officer"];

    /// <summary>Run last: the allowed calls close the campaign and shred its documents.</summary>
    private static readonly string[] Destructive = ["/close", "/shred"];

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var undeclared = ServiceEndpoints.Of(system).Where(e => !e.DeclaresItsPolicy()).Select(e => e.Key).ToList();

        Assert.True(undeclared.Count == 0, "Endpoints without an explicit policy or AllowAnonymous:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void The_matrix_names_exactly_the_endpoints_the_services_have()
    {
        var keys = ServiceEndpoints.Of(system).Select(e => e.Key).ToHashSet();

        var missing = keys.Where(k => !Matrix.ContainsKey(k)).Order().ToList();
        var stale = Matrix.Keys.Where(k => !keys.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from authorization-matrix.json:\n"
            + string.Join("\n", missing.Select(k => $"  \"{k}\": {{ \"allowed\": [], \"why\": \"\" }},")));
        Assert.True(stale.Count == 0, "Entries of authorization-matrix.json for no endpoint:\n" + string.Join("\n", stale));
        Assert.All(Matrix, entry => Assert.All(entry.Value.Allowed, caller => Assert.Contains(caller, MatrixWorld.Callers)));
    }

    [Fact]
    public async Task Every_caller_is_let_in_or_turned_away_as_the_matrix_says()
    {
        var world = await MatrixWorld.OfAsync(system);
        var endpoints = ServiceEndpoints.Of(system).Where(e => Matrix.ContainsKey(e.Key)).ToList();
        var failures = new List<string>();

        // Denied first, and nothing may have changed by them.
        var before = await world.SnapshotAsync();
        foreach (var endpoint in endpoints)
        {
            foreach (var caller in MatrixWorld.Callers.Where(c => !Matrix[endpoint.Key].Allowed.Contains(c)))
            {
                var (status, path) = await CallAsync(world, endpoint, caller);
                var allowedStatuses = OtherTenants.Contains(caller) ? new[] { 401, 403, 404 } : [401, 403];
                if (!allowedStatuses.Contains(status))
                {
                    failures.Add($"DENY  {endpoint.Key} as {caller}: {status} ({path})");
                }
            }
        }
        var after = await world.SnapshotAsync();
        Assert.Equal(before, after);

        foreach (var endpoint in endpoints.OrderBy(e => Destructive.Any(d => e.Pattern.EndsWith(d, StringComparison.Ordinal)) ? 1 : 0))
        {
            foreach (var caller in Matrix[endpoint.Key].Allowed)
            {
                var (status, path) = await CallAsync(world, endpoint, caller);
                var realIds = world.Fill(endpoint)!.Value.AllReal && endpoint.Parameters.Count > 0;
                if (status is 401 or 403 || (status == 404 && realIds && !Matrix[endpoint.Key].MayBeNotFound))
                {
                    failures.Add($"ALLOW {endpoint.Key} as {caller}: {status} ({path})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<(int Status, string Path)> CallAsync(MatrixWorld world, ServiceEndpoint endpoint, string caller)
    {
        var filled = world.Fill(endpoint) ?? throw new InvalidOperationException($"No value for a route parameter of {endpoint.Key}");
        using var client = await world.ClientAsync(caller, endpoint.Service);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), filled.Path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // An empty body: a denied caller must be turned away before it is validated.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return ((int)response.StatusCode, filled.Path);
    }
}
