using MassTransit;
using Moatown.Contracts.Signing;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Documents.Consents;

/// <summary>Queues a submission for sealing, once per message and once per submission.</summary>
public sealed class ConsentSubmittedConsumer(DocumentsDbContext db, SealQueueSignal signal, TimeProvider time) : IConsumer<ConsentSubmitted>
{
    public async Task Consume(ConsumeContext<ConsentSubmitted> context)
    {
        var submitted = context.Message;
        var queued = await db.HandleOnceAsync(context, nameof(ConsentSubmittedConsumer), async cancellationToken =>
        {
            if (await db.SealJobs.FindAsync([submitted.ConsentId], cancellationToken) is null)
            {
                var now = time.GetUtcNow();
                db.SealJobs.Add(new SealJob
                {
                    ConsentId = submitted.ConsentId, CampaignId = submitted.CampaignId, HolderId = submitted.HolderId, Kind = submitted.Kind,
                    QueuedAt = now, NextAttemptAt = now,
                });
            }
        });
        if (queued)
        {
            signal.Notify();
        }
    }
}
