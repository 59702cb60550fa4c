using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Contracts.Campaigns;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.UnitTests.Messaging;

public sealed class OutboxEnqueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_event_is_stored_with_its_type_payload_and_due_at_once()
    {
        using var db = new TestMessagingContext();
        var campaignId = Guid.NewGuid();

        var message = db.Enqueue(new CampaignCreated(campaignId, "대림동 모아타운", Now), Now);

        Assert.Equal(typeof(CampaignCreated).FullName, message.MessageType);
        Assert.Equal(Now, message.NextAttemptAt);
        Assert.Null(message.PublishedAt);
        var payload = JsonSerializer.Deserialize<CampaignCreated>(message.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal(new CampaignCreated(campaignId, "대림동 모아타운", Now), payload);
        Assert.Same(message, Assert.Single(db.ChangeTracker.Entries<OutboxMessage>()).Entity);
    }

    [Fact]
    public void The_trace_of_the_request_that_caused_the_event_is_kept()
    {
        using var db = new TestMessagingContext();
        using var activity = new Activity("create campaign").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "moatown=1";

        var message = db.Enqueue(new CampaignCreated(Guid.NewGuid(), "x", Now), Now);

        Assert.Equal(activity.Id, message.TraceParent);
        Assert.Equal("moatown=1", message.TraceState);
        Assert.True(ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parsed));
        Assert.Equal(activity.TraceId, parsed.TraceId);
    }

    [Fact]
    public void Message_ids_are_unique_and_time_ordered()
    {
        using var db = new TestMessagingContext();

        var first = db.Enqueue(new CampaignCreated(Guid.NewGuid(), "a", Now), Now);
        var second = db.Enqueue(new CampaignCreated(Guid.NewGuid(), "b", Now.AddSeconds(1)), Now.AddSeconds(1));

        Assert.NotEqual(first.Id, second.Id);
        Assert.True(first.Id.CompareTo(second.Id) < 0);
    }

    private sealed class TestMessagingContext : DbContext, IMessagingDbContext
    {
        public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
        public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

        // The model is built without a database: only change tracking is exercised here.
        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseNpgsql("Host=unit-test-no-connection");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapOutboxAndInbox();
    }
}
