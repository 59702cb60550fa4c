using System.Collections.Concurrent;

namespace Moatown.Testing;

/// <summary>Stops whatever servers are still running when the test process exits normally.</summary>
internal static class ExitCleanup
{
    private static readonly ConcurrentDictionary<ServerHost, byte> Live = new();

    static ExitCleanup() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        // In parallel: the broker alone takes a few seconds to stop.
        Parallel.ForEach(Live.Keys, server => server.StopAndDeleteNow());

    public static void Register(ServerHost server) => Live.TryAdd(server, 0);

    public static void Unregister(ServerHost server) => Live.TryRemove(server, out _);
}
