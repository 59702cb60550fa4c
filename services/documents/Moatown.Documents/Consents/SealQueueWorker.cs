using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Contracts.Documents;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Messaging;
using OpenTelemetry;

namespace Moatown.Documents.Consents;

/// <summary>
/// Seals queued submissions, one per transaction, in <see cref="SealQueueOptions.Concurrency"/> lanes:
/// the job is claimed with FOR UPDATE SKIP LOCKED so lanes and replicas never seal the same one, and
/// the sealed document, the job's end and the <see cref="ConsentSealed"/> event commit together. A failure (a TSA that does not answer, signing
/// away) leaves the job for a later attempt with a growing, capped delay — never a seal without a
/// real time-stamp.
/// </summary>
public sealed partial class SealQueueWorker(
    IServiceScopeFactory scopes, SealQueueSignal signal, TimeProvider time, IOptions<SealQueueOptions> options, ILogger<SealQueueWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => Task.Run(() => SealLaneAsync(stoppingToken))));
    }

    private async Task SealLaneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sealedAny = false;
            try
            {
                sealedAny = await SealNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; queued jobs stay queued.
                LogPassFailed(ex.GetType().Name);
            }
            if (!sealedAny)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Seals the next due job; false when none is due.</summary>
    public async Task<bool> SealNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var pipeline = scope.ServiceProvider.GetRequiredService<ConsentSealingPipeline>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            SealJob? job;
            using (SuppressInstrumentationScope.Begin())
            {
                var now = time.GetUtcNow();
                job = await db.SealJobs
                    .FromSql($"""
                        SELECT * FROM seal_jobs
                        WHERE sealed_at IS NULL AND next_attempt_at <= {now}
                        ORDER BY next_attempt_at, consent_id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                    .FirstOrDefaultAsync(cancellationToken);
            }
            if (job is null)
            {
                return false;
            }
            // One job found suggests more are queued: a sleeping lane looks too, so a burst is sealed
            // side by side. Lanes that find nothing go back to sleep.
            signal.Notify();
            job.Attempts++;
            // What the pipeline writes (the vault's rows) is undone with the savepoint if a later step fails.
            await transaction.CreateSavepointAsync("seal", cancellationToken);
            try
            {
                var sealedDocument = await pipeline.SealAsync(db, job, cancellationToken);
                var now = time.GetUtcNow();
                job.SealedAt = now;
                job.DocumentId = sealedDocument.DocumentId;
                job.LastError = null;
                db.Enqueue(new ConsentSealed(job.ConsentId, job.CampaignId, job.HolderId, job.Kind, sealedDocument.DocumentId,
                    $"sha256:{sealedDocument.Sha256}", sealedDocument.TimestampedAt), now);
                LogSealed(job.ConsentId, job.Attempts);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong is kept for the operator; what the pipeline wrote is not kept.
                await transaction.RollbackToSavepointAsync("seal", cancellationToken);
                db.ChangeTracker.Clear();
                db.Attach(job);
                db.Entry(job).Property(j => j.Attempts).IsModified = true;
                job.LastError = ex.GetType().Name;
                job.NextAttemptAt = time.GetUtcNow() + Backoff(job.Attempts);
                LogRetrying(job.ConsentId, job.Attempts, ex.GetType().Name, job.NextAttemptAt);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = options.Value.FirstRetry * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay < options.Value.MaxRetry ? delay : options.Value.MaxRetry;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {ConsentId} sealed (attempt {Attempts})")]
    private partial void LogSealed(Guid consentId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {ConsentId} not sealed on attempt {Attempts} ({Error}); next attempt at {NextAttemptAt}")]
    private partial void LogRetrying(Guid consentId, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing pass failed ({Error}); queued submissions stay queued")]
    private partial void LogPassFailed(string error);
}
