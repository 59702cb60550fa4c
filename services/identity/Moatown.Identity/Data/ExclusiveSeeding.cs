using Microsoft.EntityFrameworkCore;

namespace Moatown.Identity.Data;

internal static class ExclusiveSeeding
{
    // "Moatown" in ASCII. Any constant works as long as every replica uses the same one, and the
    // lock lives in the identity database only, so other services cannot collide with it.
    private const long LockKey = 0x4D_6F_61_74_6F_77_6E;

    /// <summary>
    /// Runs a check-then-write seed in one transaction under a PostgreSQL advisory lock, so
    /// replicas starting together take turns instead of racing into duplicate rows.
    /// </summary>
    public static async Task RunAsync(
        IServiceScopeFactory scopes, Func<IServiceProvider, CancellationToken, Task> seed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            // A retry starts from a clean slate: nothing from the failed attempt is saved again.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
            // OpenIddict's managers in this scope share the DbContext, so they write in this transaction.
            await seed(scope.ServiceProvider, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
