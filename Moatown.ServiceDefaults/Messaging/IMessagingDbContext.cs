using Microsoft.EntityFrameworkCore;

namespace Moatown.ServiceDefaults.Messaging;

/// <summary>A service database that holds its own outbox and inbox.</summary>
public interface IMessagingDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<InboxMessage> InboxMessages { get; }
}
