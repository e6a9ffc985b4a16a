using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb, pg_ctl from PATH or /usr/lib/postgresql/*/bin) in a temporary directory on
/// a fixed loopback port, so it can be stopped and started again under a running pinger-server. As root it runs as
/// the postgres user. Without PostgreSQL the campaigns are inconclusive, and fail in CI (CI=true).
/// </summary>
internal sealed class PostgresInstance : IDisposable
{
    private static readonly Lazy<PostgresInstance> Shared = new(() => new PostgresInstance());
    private readonly string _binaries;
    private readonly string _directory = string.Empty;
    private readonly int _port;
    private int _databases;

    private PostgresInstance()
    {
        _binaries = FindBinaries() ?? string.Empty;
        if (_binaries.Length == 0)
        {
            return;
        }

        _directory = Path.Combine(Path.GetTempPath(), "pinger-campaign-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            // The postgres user must reach it.
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);
        }
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        PgTool("initdb", "-D", DataDirectory, "-U", "pinger", "-A", "trust", "-E", "UTF8", "--no-sync");
        Start();
    }

    public bool Running { get; private set; }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The shared cluster, started once per test run.</summary>
    public static PostgresInstance Get()
    {
        var instance = Shared.Value;
        if (instance._binaries.Length == 0)
        {
            const string Missing = "PostgreSQL (initdb, pg_ctl) is not installed";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Missing + ": CI must run the PostgreSQL campaigns (.ci/run installs it)");
            }

            Assert.Inconclusive(Missing);
        }

        if (!instance.Running)
        {
            instance.Start();
        }

        return instance;
    }

    public static void StopShared()
    {
        if (Shared.IsValueCreated)
        {
            Shared.Value.Dispose();
        }
    }

    /// <summary>A fresh database; its Npgsql connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"campaign_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..32];
        using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    /// <summary>Stops the cluster as an administrator would for maintenance (fast: open sessions are cut).</summary>
    public void Stop()
    {
        PgTool("pg_ctl", "stop", "-w", "-D", DataDirectory, "-m", "fast");
        Running = false;
    }

    public void Start()
    {
        PgTool("pg_ctl", "start", "-w", "-D", DataDirectory, "-l", Path.Combine(_directory, "log"),
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
                PgTool("pg_ctl", "stop", "-D", DataDirectory, "-m", "immediate");
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

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=pinger;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=10";

    private void PgTool(string tool, params string[] args)
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
