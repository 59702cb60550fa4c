using Moatown.IntegrationTests.Infrastructure;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;

namespace Moatown.IntegrationTests.Notifications;

/// <summary>At most N messages per number per window: the next one waits for room, it is not dropped.</summary>
[Collection(SystemCollection.Name)]
public sealed class ThrottleTests(SystemFixture system) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(6);
    private ServiceFactory<NotificationsDbContext> _host = null!;

    public Task InitializeAsync()
    {
        _host = system.CreateIsolatedNotifications("notifications_throttle", new()
        {
            ["Notifications:Sending:MessagesPerNumber"] = "5",
            ["Notifications:Sending:ThrottleWindow"] = Window.ToString(),
            ["Notifications:Sending:PollInterval"] = "00:00:00.200",
        });
        _ = _host.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_sixth_message_to_one_number_within_the_window_waits_until_the_first_leaves_it()
    {
        // One number in two spellings: the throttle counts the number, not the way it was written.
        var phones = new[] { "010-5678-1234", "+82 10 5678 1234", "01056781234", "010.5678.1234", "010-5678-1234", "01056781234" };
        var other = await _host.QueueAsync(NotificationHosts.Code($"other:{Guid.NewGuid()}", "010-9999-0000", "111111"));
        var ids = new List<Guid>();
        foreach (var (phone, i) in phones.Select((p, i) => (p, i)))
        {
            ids.Add((await _host.QueueAsync(NotificationHosts.Code($"throttle:{Guid.NewGuid()}:{i}", phone, $"20000{i}"))).MessageId);
        }

        var first = new List<OutgoingMessage>();
        foreach (var id in ids.Take(5))
        {
            first.Add(await _host.WaitForAsync(id, m => m.Status == MessageStatus.Delivered, "the first five are sent"));
        }
        await _host.WaitForAsync(other.MessageId, m => m.Status == MessageStatus.Delivered, "another number is not held up");

        var sixth = await _host.WaitForAsync(ids[5], m => m.NextAttemptAt > m.QueuedAt || m.Status != MessageStatus.Queued,
            "the sender looked at the sixth");
        Assert.Equal(MessageStatus.Queued, sixth.Status);
        Assert.Equal(0, sixth.Attempts);
        var earliest = first.Min(m => m.SentAt!.Value);
        Assert.True(sixth.NextAttemptAt >= earliest + Window - TimeSpan.FromMilliseconds(50),
            $"the sixth waits for the window ({sixth.NextAttemptAt:O} vs {earliest + Window:O})");

        var sent = await _host.WaitForAsync(ids[5], m => m.Status == MessageStatus.Delivered, "the sixth is sent once there is room",
            Window + TimeSpan.FromSeconds(20));
        Assert.True(sent.SentAt >= earliest + Window - TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, sent.Attempts);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
