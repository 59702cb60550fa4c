using OpenIddict.Abstractions;

namespace Moatown.Identity.Data;

/// <summary>
/// OpenIddict records every token it issues (the token's id, never the token itself); machine
/// clients ask for one every few minutes, so expired and revoked records are deleted regularly
/// instead of growing the table for ever. Replicas may prune at the same time: deletes are safe.
/// </summary>
internal sealed partial class TokenPruning(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    // Kept a while after expiry so an incident can still be traced to the token that was used.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = time.GetUtcNow() - Retention;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                LogPruned(tokens, authorizations);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next round catches up.
                LogPruneFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Tokens} token and {Authorizations} authorization records")]
    private partial void LogPruned(long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning token records failed")]
    private partial void LogPruneFailed(Exception ex);
}
