using System.Collections.Concurrent;

namespace Moatown.Web.Staff;

/// <summary>
/// Staff members' tokens, kept in this process and found by the session id in their cookie, so no
/// token ever reaches the browser and an interactive component (the live tally) can use them too.
/// One instance of the web client holds its sessions; a restart signs staff out. Running several
/// instances would need a shared store (noted in docs/web-client.md).
/// </summary>
internal sealed class StaffTokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public sealed record Tokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

    private sealed class Entry(Tokens tokens)
    {
        public Tokens Tokens { get; set; } = tokens;
        public SemaphoreSlim Refreshing { get; } = new(1, 1);
    }

    public string Add(Tokens tokens)
    {
        var session = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _sessions[session] = new Entry(tokens);
        return session;
    }

    public bool Holds(string session) => _sessions.ContainsKey(session);

    public void Remove(string session) => _sessions.TryRemove(session, out _);

    /// <summary>
    /// A current access token for the session: refreshed (once, whoever asks first) when less than a
    /// minute is left. Null when the session is gone or identity refused the refresh (account disabled,
    /// roles removed, eight hours over): the person signs in again.
    /// </summary>
    public async Task<string?> AccessTokenAsync(string session, Func<string, CancellationToken, Task<Tokens?>> refresh, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(session, out var entry))
        {
            return null;
        }
        if (entry.Tokens.ExpiresAt - time.GetUtcNow() > TimeSpan.FromMinutes(1))
        {
            return entry.Tokens.AccessToken;
        }
        await entry.Refreshing.WaitAsync(cancellationToken);
        try
        {
            if (entry.Tokens.ExpiresAt - time.GetUtcNow() > TimeSpan.FromMinutes(1))
            {
                return entry.Tokens.AccessToken;
            }
            if (await refresh(entry.Tokens.RefreshToken, cancellationToken) is not { } renewed)
            {
                Remove(session);
                return null;
            }
            entry.Tokens = renewed;
            return renewed.AccessToken;
        }
        finally
        {
            entry.Refreshing.Release();
        }
    }
}
