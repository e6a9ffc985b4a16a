using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Pinger.Testing.Countme;

/// <summary>
/// Fedora's own countme pipeline (mirrors-countme, in <c>../shared/tools/mirrors-countme</c> beside the repository
/// root), run as python3 processes: the oracle the importer is compared with. Nothing of Pinger is used to read
/// its output: its raw SQLite table is read with plain SQL and its CSV with the small reader below. Without
/// python3 or the reference the tests are inconclusive on a developer machine and fail in CI (CI=true).
/// </summary>
internal sealed class MirrorsCountme
{
    private readonly string _root;

    private MirrorsCountme(string root) => _root = root;

    /// <summary>The reference, or an inconclusive (failed in CI) test.</summary>
    public static MirrorsCountme Locate()
    {
        // MIRRORS_COUNTME points elsewhere, for a checkout that has no shared/ beside it (a git worktree).
        var root = Environment.GetEnvironmentVariable("MIRRORS_COUNTME") is { Length: > 0 } given ? Path.GetFullPath(given)
            : RepositoryRoot() is { } repo ? Path.GetFullPath(Path.Combine(repo, "..", "shared", "tools", "mirrors-countme")) : null;
        string? missing = null;
        if (root is null || !File.Exists(Path.Combine(root, "bin", "countme-parse-access-log")))
        {
            missing = "mirrors-countme is not in ../shared/tools/mirrors-countme beside the repository";
        }
        else if (!PythonWorks())
        {
            missing = "python3 is not installed";
        }

        if (missing is not null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(missing + ": CI must compare the importer with the reference");
            }

            Assert.Inconclusive(missing);
        }

        return new MirrorsCountme(root!);
    }

    /// <summary>Runs countme-parse-access-log (with its duplicate check) into <paramref name="rawDb"/>.</summary>
    public Run Parse(string rawDb, params string[] logs) =>
        Python([Path.Combine(_root, "bin", "countme-parse-access-log"), "--sqlite", rawDb, .. logs]);

    /// <summary>The time field the reference's COUNTME_LOG_RE takes from each line of <paramref name="log"/> (an
    /// empty string where it does not match), read by the reference's own module in a python3 process.</summary>
    public IReadOnlyList<string> TimeFields(string log)
    {
        const string Script = "import sys\nsys.path.insert(0, sys.argv[1])\nfrom mirrors_countme.regex import COUNTME_LOG_RE\n"
            + "out = open(sys.argv[3], 'w', encoding='utf-8', newline='\\n')\n"
            + "for line in open(sys.argv[2], errors='replace'):\n    m = COUNTME_LOG_RE.match(line)\n    out.write((m['time'] if m else '') + '\\n')\n";
        var output = log + ".times";
        var run = Python(["-c", Script, _root, log, output]);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        return File.ReadAllLines(output, Encoding.UTF8);
    }

    /// <summary>Runs countme-totals on <paramref name="rawDb"/> and returns its CSV rows, without the unique-address
    /// rows (sys_age -1) that Pinger does not keep, each as the ten fields of the header.</summary>
    public IReadOnlyList<string[]> Totals(string rawDb)
    {
        var folder = Path.GetDirectoryName(rawDb)!;
        var totalsDb = Path.Combine(folder, "totals.db");
        var csv = Path.Combine(folder, "totals.csv");
        File.Delete(totalsDb);
        var run = Python([Path.Combine(_root, "bin", "countme-totals"), "--update-from", rawDb, totalsDb, "--csv-dump", csv]);
        Assert.AreEqual(0, run.ExitCode, "countme-totals failed: " + run.Error);
        var rows = ReadCsv(File.ReadAllText(csv, Encoding.UTF8));
        Assert.AreEqual("week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch", string.Join(',', rows[0]));
        return rows.Skip(1).Where(r => r[7] != "-1").ToList();
    }

    /// <summary>The parsed hits in the raw table: (host, timestamp, os fields, sys_age, repo, arch) as text.</summary>
    public static IReadOnlyList<string[]> RawHits(string rawDb)
    {
        using var connection = new SqliteConnection($"Data Source={rawDb};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT host, timestamp, os_name, os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch FROM countme_raw";
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, 9).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }

    /// <summary>Python's csv dialect: commas, CRLF, fields quoted when they hold a comma, quote or line end.</summary>
    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    private Run Python(string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Run(process.ExitCode, output.Result, error.Result);
    }

    private static bool PythonWorks()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pinger.slnx")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>One finished python3 process.</summary>
    public sealed record Run(int ExitCode, string Output, string Error);
}
