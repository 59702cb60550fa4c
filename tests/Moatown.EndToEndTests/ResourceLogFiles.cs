using Microsoft.Extensions.DependencyInjection;
using Moatown.Testing;

namespace Moatown.EndToEndTests;

/// <summary>
/// Copies the console output (stdout and stderr) of every service the AppHost runs to
/// TestResults/logs/end-to-end-&lt;service&gt;.log, for the log scan tier. PostgreSQL and RabbitMQ are
/// not services: their logs are not written here.
/// </summary>
public sealed class ResourceLogFiles : IAsyncDisposable
{
    public const string Tier = "end-to-end";

    // Lines still on their way when the AppHost stops get this long to reach the files.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _copies = [];
    private Task _follow = Task.CompletedTask;

    /// <summary>
    /// Makes the services write what the scan needs to see: Moatown's categories at Debug, and every
    /// entry as JSON with its structured values and scopes, not the message alone.
    /// </summary>
    public static void ConfigureServices(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("Logging__LogLevel__Moatown", "Debug")
                .WithEnvironment("Logging__Console__FormatterName", "json")
                .WithEnvironment("Logging__Console__FormatterOptions__IncludeScopes", "true");
        }
    }

    /// <summary>
    /// Starts copying; call before the application starts so no line is missed. A service's log stream
    /// is named after its process (campaigns-xkqzd), which exists only once the orchestrator started it,
    /// so each stream is followed as its process appears.
    /// </summary>
    public static ResourceLogFiles Start(DistributedApplication app)
    {
        var files = new ResourceLogFiles();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var resources = app.Services.GetRequiredService<ResourceNotificationService>();
        files._follow = Task.Run(async () =>
        {
            var followed = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await foreach (var update in resources.WatchAsync(files._stop.Token))
                {
                    if (update.Resource is ProjectResource project && followed.Add(update.ResourceId))
                    {
                        lock (files._copies)
                        {
                            files._copies.Add(CopyAsync(logs, update.ResourceId, LogFile.For(Tier, project.Name), files._stop.Token));
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (files._stop.IsCancellationRequested)
            {
            }
        });
        return files;
    }

    private static async Task CopyAsync(ResourceLoggerService logs, string resourceId, LogFile file, CancellationToken stop)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stop))
            {
                foreach (var line in batch)
                {
                    file.WriteLine(line.IsErrorMessage ? $"stderr: {line.Content}" : line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Call after the application has stopped, so its last lines are copied too.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.CancelAfter(DrainTimeout);
        await _follow;
        Task[] copies;
        lock (_copies)
        {
            copies = [.. _copies];
        }
        await Task.WhenAll(copies);
        _stop.Dispose();
    }
}
