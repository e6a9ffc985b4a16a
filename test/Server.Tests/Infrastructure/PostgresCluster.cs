using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary directory, on a loopback port, started with initdb and pg_ctl
/// from PATH or /usr/lib/postgresql/*/bin. As root (CI), it runs as the postgres user, since PostgreSQL refuses root.
/// Without PostgreSQL the tests are inconclusive on a developer machine, and fail in CI (CI=true), so a CI run that
/// silently skipped them cannot pass.
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

        _directory = Path.Combine(Path.GetTempPath(), "pinger-server-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);
        }
        _port = FreePort();
        Run("initdb", "-D", Data, "-U", "pinger", "-A", "trust", "-E", "UTF8", "--no-sync");
        Run("pg_ctl", "start", "-w", "-D", Data, "-l", Path.Combine(_directory, "log"),
            "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200");
    }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>The cluster, started once per test run; inconclusive (or failed in CI) without PostgreSQL.</summary>
    public static PostgresCluster Get()
    {
        var cluster = Shared.Value;
        if (cluster._binaries.Length == 0)
        {
            const string Missing = "PostgreSQL (initdb, pg_ctl) is not installed";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Missing + ": CI must run the PostgreSQL tests (.ci/run installs it)");
            }

            Assert.Inconclusive(Missing);
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

    /// <summary>A fresh, empty database and its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"pinger_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    /// <summary>Runs SQL as the superuser in the postgres database.</summary>
    public void Execute(string sql)
    {
        using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_binaries.Length > 0 && Directory.Exists(_directory))
        {
            Run("pg_ctl", "stop", "-D", Data, "-m", "immediate");
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

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=pinger;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=10";

    private void Run(string tool, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_binaries, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asRoot)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", Path.Combine(_binaries, tool) })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
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
