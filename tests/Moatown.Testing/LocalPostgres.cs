using System.Security.Cryptography;

namespace Moatown.Testing;

/// <summary>
/// A throwaway PostgreSQL server on a free port, run by the same postgres.sh the AppHost uses,
/// with its data in a temporary directory that is deleted on dispose.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ServerHost _host;

    private LocalPostgres(int port, string password)
    {
        Port = port;
        Password = password;
        _host = new ServerHost(
            "postgres",
            "postgres.sh",
            data => new Dictionary<string, string>
            {
                ["MOATOWN_PG_DATA"] = data,
                ["MOATOWN_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["MOATOWN_PG_PASSWORD"] = password,
            },
            // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for pooled connections to close.
            ScriptProcess.SigInt,
            startTimeout: TimeSpan.FromSeconds(60),
            stopTimeout: TimeSpan.FromSeconds(30),
            IsReadyAsync);
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>Where the server's data and log live while it runs.</summary>
    public string StateDirectory => _host.StateDirectory;

    public static async Task<LocalPostgres> StartAsync(CancellationToken cancellationToken)
    {
        var server = new LocalPostgres(FreePorts.Take(1)[0], RandomNumberGenerator.GetString(Alphanumeric, 24));
        try
        {
            await server._host.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server._host.DisposeAsync(keepLog: true);
            throw;
        }
    }

    /// <summary>An Npgsql connection string for the superuser.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database}";

    /// <summary>Creates the database unless it already exists.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        // psql quotes the name itself (:'name' and %I), so any name is safe.
        const string sql = """
            SELECT format('CREATE DATABASE %I', :'name')
            WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name')\gexec
            """;
        var result = await CommandLine.RunAsync(
            PostgresBinaries.Tool("psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", $"name={name}",
             "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-U", "postgres", "-d", "postgres"],
            new Dictionary<string, string> { ["PGPASSWORD"] = Password, ["PGCONNECT_TIMEOUT"] = "10" },
            standardInput: sql + "\n");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Creating database '{name}' failed ({result.ExitCode}): {result.Output}");
        }
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!await TcpProbe.AcceptsAsync(Port, cancellationToken))
        {
            return false;
        }
        // The port opens before recovery finishes; pg_isready knows when sessions are accepted.
        var result = await CommandLine.RunAsync(
            PostgresBinaries.Tool("pg_isready"),
            ["-q", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "2"],
            timeout: TimeSpan.FromSeconds(5),
            cancellationToken: cancellationToken);
        return result.ExitCode == 0;
    }
}
