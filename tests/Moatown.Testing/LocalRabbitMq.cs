using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Moatown.Testing;

/// <summary>
/// A throwaway RabbitMQ node on free ports, run by the same rabbitmq.sh the AppHost uses. It can
/// be stopped and started again on the same port and data, to simulate a broker outage.
/// </summary>
public sealed class LocalRabbitMq : IAsyncDisposable
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ServerHost _host;
    private readonly int _epmdPort;

    private LocalRabbitMq(int port, int distributionPort, int epmdPort, string password, int? managementPort = null)
    {
        Port = port;
        ManagementPort = managementPort;
        Password = password;
        _epmdPort = epmdPort;
        _host = new ServerHost(
            "rabbitmq",
            "rabbitmq.sh",
            data => new Dictionary<string, string>
            {
                ["MOATOWN_RABBITMQ_DATA"] = data,
                ["MOATOWN_RABBITMQ_PORT"] = Invariant(port),
                ["MOATOWN_RABBITMQ_DIST_PORT"] = Invariant(distributionPort),
                ["MOATOWN_RABBITMQ_EPMD_PORT"] = Invariant(epmdPort),
                ["MOATOWN_RABBITMQ_USER"] = User,
                ["MOATOWN_RABBITMQ_PASSWORD"] = password,
                ["MOATOWN_RABBITMQ_MANAGEMENT_PORT"] = managementPort is { } management ? Invariant(management) : "",
            },
            // The script turns SIGTERM into a graceful broker stop and then stops its epmd.
            ScriptProcess.SigTerm,
            startTimeout: TimeSpan.FromSeconds(60),
            stopTimeout: TimeSpan.FromSeconds(75),
            IsReadyAsync)
        {
            AfterStop = KillStrayEpmd,
        };
    }

    public int Port { get; }

    /// <summary>The management HTTP API's port, when started with it.</summary>
    public int? ManagementPort { get; }

    public Uri? ManagementUri => ManagementPort is { } port ? new($"http://127.0.0.1:{Invariant(port)}/") : null;

    public string User => "moatown";

    public string Password { get; }

    public Uri ConnectionUri =>
        new($"amqp://{Uri.EscapeDataString(User)}:{Uri.EscapeDataString(Password)}@127.0.0.1:{Invariant(Port)}/");

    /// <summary>Where the node's data and log live while it runs.</summary>
    public string StateDirectory => _host.StateDirectory;

    /// <param name="withManagement">Also the management plugin (HTTP API), which costs a few seconds at start and stop.</param>
    public static async Task<LocalRabbitMq> StartAsync(CancellationToken cancellationToken, bool withManagement = false)
    {
        var ports = FreePorts.Take(4);
        var broker = new LocalRabbitMq(ports[0], ports[1], ports[2], RandomNumberGenerator.GetString(Alphanumeric, 24),
            withManagement ? ports[3] : null);
        try
        {
            await broker._host.StartAsync(cancellationToken);
            return broker;
        }
        catch
        {
            await broker._host.DisposeAsync(keepLog: true);
            throw;
        }
    }

    /// <summary>Stops the broker gracefully, keeping its data (durable queues and their messages).</summary>
    public Task StopAsync() => _host.StopAsync();

    /// <summary>Starts the stopped broker again, on the same port with the same data.</summary>
    public Task StartAsync() => _host.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!await TcpProbe.AcceptsAsync(Port, cancellationToken))
        {
            return false;
        }
        if (ManagementPort is { } management && !await TcpProbe.AcceptsAsync(management, cancellationToken))
        {
            return false;
        }
        // The listener opens a moment before boot completes; check_running waits for the latter.
        // cli-env.sh (written by rabbitmq.sh) points the CLI at this node, cookie and epmd.
        var result = await CommandLine.RunAsync(
            "/bin/bash",
            ["-c", ". \"$0\" && exec rabbitmq-diagnostics -q check_running", Path.Combine(_host.DataDirectory, "cli-env.sh")],
            timeout: TimeSpan.FromSeconds(10),
            cancellationToken: cancellationToken);
        return result.ExitCode == 0;
    }

    /// <summary>
    /// RabbitMQ's CLI starts an epmd daemon when it finds none, so a readiness probe racing a
    /// dying broker could leave one behind. Refused by epmd while any node is registered.
    /// </summary>
    private void KillStrayEpmd()
    {
        var startInfo = new ProcessStartInfo("epmd")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("-port");
        startInfo.ArgumentList.Add(Invariant(_epmdPort));
        startInfo.ArgumentList.Add("-kill");
        try
        {
            using var epmd = Process.Start(startInfo);
            if (epmd is not null && !epmd.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                epmd.Kill();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd binary: then no broker could have run either.
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
