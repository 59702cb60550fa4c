using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.AppHost.Infrastructure;

/// <summary>
/// Dashboard commands on the campaigns resource: replay or discard every dead letter (the error
/// queues of failed consumers). They call the campaigns API as the development client (a provider
/// admin), the same calls an operator makes with <c>/api/campaigns/dead-letters</c>.
/// </summary>
internal static class DeadLetterCommands
{
    public static IResourceBuilder<ProjectResource> WithDeadLetterCommands(this IResourceBuilder<ProjectResource> campaigns,
        IResourceBuilder<ProjectResource> identity, IResourceBuilder<ParameterResource> devClientSecret)
    {
        campaigns.WithCommand("replay-dead-letters", "Replay dead letters",
            context => RunAsync(campaigns, identity, devClientSecret, "replay", context.CancellationToken),
            new CommandOptions
            {
                Description = "Moves every message waiting in an error queue back to its queue (after the fault is fixed).",
                ConfirmationMessage = "Move every dead letter back to its queue?",
                IconName = "ArrowRedo",
            });
        campaigns.WithCommand("discard-dead-letters", "Discard dead letters",
            context => RunAsync(campaigns, identity, devClientSecret, "discard", context.CancellationToken),
            new CommandOptions
            {
                Description = "Purges every error queue. The messages are gone for good.",
                ConfirmationMessage = "Delete every dead letter for good?",
                IconName = "Delete",
            });
        return campaigns;
    }

    private static async Task<ExecuteCommandResult> RunAsync(IResourceBuilder<ProjectResource> campaigns, IResourceBuilder<ProjectResource> identity,
        IResourceBuilder<ParameterResource> devClientSecret, string action, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient();
            using var token = await http.PostAsync(new Uri(new Uri(identity.GetEndpoint("http").Url), "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "moatown-dev",
                ["client_secret"] = await devClientSecret.Resource.GetValueAsync(cancellationToken) ?? "",
                ["scope"] = "campaigns",
            }), cancellationToken);
            token.EnsureSuccessStatusCode();
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            http.BaseAddress = new Uri(campaigns.GetEndpoint("http").Url);

            var queues = await http.GetFromJsonAsync<JsonElement>("/api/campaigns/dead-letters?peek=0", cancellationToken);
            var moved = 0L;
            foreach (var queue in queues.EnumerateArray().Where(q => q.GetProperty("messages").GetInt64() > 0))
            {
                using var response = await http.PostAsync($"/api/campaigns/dead-letters/{Uri.EscapeDataString(queue.GetProperty("queue").GetString()!)}/{action}", null, cancellationToken);
                response.EnsureSuccessStatusCode();
                moved += (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("messages").GetInt64();
            }
            return CommandResults.Success($"{(action == "replay" ? "Replayed" : "Discarded")} {moved} dead letter(s).");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException)
        {
            return CommandResults.Failure($"Dead letters: {ex.Message}");
        }
    }
}
