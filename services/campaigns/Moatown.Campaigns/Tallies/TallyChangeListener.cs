using Npgsql;

namespace Moatown.Campaigns.Tallies;

/// <summary>
/// Listens on PostgreSQL's <c>campaign_tally</c> channel. Every ledger write and roll import
/// notifies it inside its transaction, so the notice arrives only once the change is committed,
/// and reaches every replica sharing the database.
/// </summary>
public sealed class TallyChangeListener(IConfiguration configuration, TallySignals signals, ILogger<TallyChangeListener> logger) : BackgroundService
{
    public const string Channel = "campaign_tally";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("campaignsdb")
            ?? throw new InvalidOperationException("Connection string 'campaignsdb' is missing.");
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    if (Guid.TryParse(notice.Payload, out var campaignId)) signals.Changed(campaignId);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever happened while not listening is looked at again.
                signals.AllMayHaveChanged();
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException)
            {
                logger.LogWarning(exception, "Tally change listener lost its database connection; retrying in {Delay}", delay);
                signals.AllMayHaveChanged();
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
