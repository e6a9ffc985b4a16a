using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pinger.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary directory, on a loopback port, started with initdb and pg_ctl
/// from PATH or /usr/lib/postgresql/*/bin; it can be stopped and started again under a running pinger-server. As
/// root, it runs as the postgres user, since PostgreSQL refuses root. Without PostgreSQL, <see cref="Get"/> fails
/// with the command that installs it, so no run passes without the PostgreSQL tests (the server's test projects and
/// the bench harness share this file).
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private static readonly Lazy<PostgresCluster> Shared = new(() => new PostgresCluster());
    private readonly string _binaries;
    private readonly string _directory = string.Empty;
    private readonly int _port;
    private int _databases;

    private PostgresCluster()
    {
        _binaries = FindBinaries() ?? string.Empty;
        if (_binaries.Length == 0)
        {
            return;
        }

        _directory = Path.Combine(Path.GetTempPath(), "pinger-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            // The postgres user must reach it.
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);
        }

        _port = FreePort();
        Run("initdb", "-D", Data, "-U", "pinger", "-A", "trust", "-E", "UTF8", "--no-sync");
        Start();
    }

    /// <summary>Whether the cluster is up (it is, unless a test stopped it).</summary>
    public bool Running { get; private set; }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>The cluster, started once per process (again if a test left it stopped); fails without PostgreSQL.</summary>
    public static PostgresCluster Get()
    {
        var cluster = Shared.Value;
        if (cluster._binaries.Length == 0)
        {
            throw new InvalidOperationException(
                "PostgreSQL (initdb, pg_ctl) is not installed: ./build.sh --target=Prerequisites installs it (apt-get install postgresql)");
        }

        if (!cluster.Running)
        {
            cluster.Start();
        }

        return cluster;
    }

    /// <summary>Stops the cluster if one was started.</summary>
    public static void StopShared()
    {
        if (Shared.IsValueCreated)
        {
            Shared.Value.Dispose();
        }
    }

    /// <summary>A fresh, empty database and its connection string, whose pool holds at most <paramref name="maxPoolSize"/> connections.</summary>
    public string CreateDatabase(int maxPoolSize = 50)
    {
        var name = $"pinger_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        Execute($"CREATE DATABASE {name}");
        return ConnectionString(name, maxPoolSize);
    }

    /// <summary>Runs SQL as the superuser in the postgres database.</summary>
    public void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(ConnectionString("postgres", 50));
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }

    /// <summary>Stops the cluster as an administrator would for maintenance (fast: open sessions are cut).</summary>
    public void Stop()
    {
        Run("pg_ctl", "stop", "-w", "-D", Data, "-m", "fast");
        Running = false;
    }

    /// <summary>Starts the cluster.</summary>
    public void Start()
    {
        Run("pg_ctl", "start", "-w", "-D", Data, "-l", Path.Combine(_directory, "log"),
            "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200");
        Running = true;

        // This process's pooled connections died with the previous run of the cluster.
        NpgsqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        if (_binaries.Length > 0 && Directory.Exists(_directory))
        {
            if (Running)
            {
                Run("pg_ctl", "stop", "-D", Data, "-m", "immediate");
            }

            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string ConnectionString(string database, int maxPoolSize) =>
        $"Host=127.0.0.1;Port={_port};Username=pinger;Database={database};Pooling=true;Maximum Pool Size={maxPoolSize};Timeout=10";

    private void Run(string tool, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_binaries, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (asRoot ? new[] { "-u", "postgres", "--", Path.Combine(_binaries, tool) } : []).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {output.Result}\n{error.Result}");
        }
    }
}
