using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// The residents' phones: one reader polls the notifications service's local SMS sink (the texts it
/// would have sent) and hands each awaited text to whoever waits for it. A wait is registered before
/// the request that causes the text, so no text can slip by. The sink lists the newest texts only, so
/// each poll asks for a few more than are awaited: no more can have arrived since the last one.
/// </summary>
public sealed class SmsSink : IAsyncDisposable
{
    public const string Invitation = "invitation.v1";
    public const string VerificationCode = "verification-code.v2";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient notifications;
    private readonly ConcurrentDictionary<(Guid Holder, string Template), TaskCompletionSource<string>> waits = new();
    private readonly HashSet<Guid> seen = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task polling;

    public SmsSink(HttpClient notifications)
    {
        this.notifications = notifications;
        polling = Task.Run(PollAsync);
    }

    public int Polls { get; private set; }

    /// <summary>Call before the request that sends the text; await the task for its text.</summary>
    public Task<string> Expect(Guid holderId, string template) =>
        waits.GetOrAdd((holderId, template), _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid holderId, string template) => waits.TryRemove((holderId, template), out _);

    private async Task PollAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!waits.IsEmpty)
                {
                    var take = Math.Clamp(waits.Count + 20, 20, 200);
                    var messages = await notifications.GetFromJsonAsync<JsonElement>($"/api/notifications/outbox?take={take}", stop.Token);
                    Polls++;
                    foreach (var message in messages.EnumerateArray())
                    {
                        if (!seen.Add(message.GetProperty("id").GetGuid())) continue;
                        var key = (message.GetProperty("holderId").GetGuid(), message.GetProperty("template").GetString()!);
                        if (waits.TryRemove(key, out var wait)) wait.TrySetResult(message.GetProperty("text").GetString()!);
                    }
                }
                await Task.Delay(PollInterval, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException e)
            {
                Console.WriteLine($"  SMS sink read failed ({e.Message}); trying again");
                await Task.Delay(PollInterval);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await polling;
        stop.Dispose();
    }
}
