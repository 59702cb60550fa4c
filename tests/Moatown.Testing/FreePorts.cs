using System.Net;
using System.Net.Sockets;

namespace Moatown.Testing;

/// <summary>Picks distinct free loopback ports.</summary>
internal static class FreePorts
{
    private const int LowestPort = 20000;

    /// <summary>
    /// Ports come from below the kernel's ephemeral range: a broker restarted on the same port
    /// must not find it taken by some outgoing connection in the meantime.
    /// </summary>
    public static int[] Take(int count)
    {
        var ceiling = EphemeralRangeStart();
        var listeners = new List<TcpListener>();
        try
        {
            for (var attempt = 0; listeners.Count < count && attempt < 200; attempt++)
            {
                var port = ceiling > LowestPort + 1000 ? Random.Shared.Next(LowestPort, ceiling) : 0;
                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException)
                {
                    // Taken: try another one.
                }
            }

            if (listeners.Count < count)
            {
                throw new InvalidOperationException($"Could not find {count} free TCP ports.");
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(text.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
                System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32768;
        }
    }
}
