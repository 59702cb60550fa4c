using System.Diagnostics;

namespace Moatown.Testing;

/// <summary>
/// The lifecycle shared by the local servers: run an infra script in a temporary state
/// directory, wait until it is really ready, stop it cleanly, and never let it outlive the tests.
/// </summary>
internal sealed class ServerHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly string _name;
    private readonly string _script;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly int _stopSignal;
    private readonly TimeSpan _startTimeout;
    private readonly TimeSpan _stopTimeout;
    private readonly Func<CancellationToken, Task<bool>> _isReady;
    private readonly Lock _gate = new();
    private ScriptProcess? _process;
    private OrphanGuard? _guard;

    public ServerHost(
        string name,
        string script,
        Func<string, IReadOnlyDictionary<string, string>> environment,
        int stopSignal,
        TimeSpan startTimeout,
        TimeSpan stopTimeout,
        Func<CancellationToken, Task<bool>> isReady)
    {
        _name = name;
        _script = RepositoryLayout.InfraScript(script);
        _stopSignal = stopSignal;
        _startTimeout = startTimeout;
        _stopTimeout = stopTimeout;
        _isReady = isReady;
        StateDirectory = Path.Combine(Path.GetTempPath(), "moatown-tests", $"{name}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(StateDirectory);
        DataDirectory = Path.Combine(StateDirectory, "data");
        _environment = environment(DataDirectory);
        ExitCleanup.Register(this);
    }

    public string StateDirectory { get; }

    public string DataDirectory { get; }

    public string LogPath => Path.Combine(StateDirectory, $"{_name}.log");

    /// <summary>Raised after each stop, e.g. to sweep helpers a server's tools may have spawned.</summary>
    public Action? AfterStop { get; init; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_script))
        {
            throw new FileNotFoundException($"Infra script not found: {_script}", _script);
        }

        ScriptProcess process;
        lock (_gate)
        {
            if (_process is not null)
            {
                throw new InvalidOperationException($"{_name} is already running.");
            }
            process = _process = ScriptProcess.Start(_script, _environment, LogPath);
            _guard = OrphanGuard.Watch(process.Id, _stopSignal == ScriptProcess.SigInt ? "INT" : "TERM", StateDirectory);
        }

        var clock = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            while (failure is null)
            {
                if (process.HasExited)
                {
                    failure = $"exited with code {process.ExitCode} while starting";
                }
                else if (clock.Elapsed > _startTimeout)
                {
                    failure = $"was not ready after {_startTimeout.TotalSeconds:0} s";
                }
                else if (await ProbeAsync(cancellationToken))
                {
                    return;
                }
                else
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
            throw;
        }

        await StopAsync();
        throw new InvalidOperationException(
            $"{_name} ({_script}) {failure}. Log {LogPath}, last lines:\n{process.Tail(40)}");
    }

    public async Task StopAsync()
    {
        var process = Detach();
        if (process is not null)
        {
            await process.StopAsync(_stopSignal, _stopTimeout);
            AfterStop?.Invoke();
        }
    }

    /// <param name="keepLog">After a failed start: keep the log the exception points to.</param>
    public async Task DisposeAsync(bool keepLog = false)
    {
        await StopAsync();
        ExitCleanup.Unregister(this);
        DeleteState(keepLog ? DataDirectory : StateDirectory);
    }

    /// <summary>For the process-exit handler, which cannot await.</summary>
    public void StopAndDeleteNow()
    {
        var process = Detach();
        if (process is not null)
        {
            process.Stop(_stopSignal, _stopTimeout);
            AfterStop?.Invoke();
        }
        DeleteState(StateDirectory);
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await _isReady(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private ScriptProcess? Detach()
    {
        lock (_gate)
        {
            // The guard goes first so it cannot fire while we stop the server ourselves.
            _guard?.Dispose();
            _guard = null;
            var process = _process;
            _process = null;
            return process;
        }
    }

    private static void DeleteState(string directory)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A server writing its last files while exiting; a temp dir is not worth failing a test run for.
                Thread.Sleep(200);
            }
        }
    }
}
