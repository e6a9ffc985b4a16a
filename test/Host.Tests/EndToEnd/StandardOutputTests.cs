using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// The published <c>pinger</c> in real shell redirections and pipes: its output lands at the shared file offset like
/// any other command's, a reader that goes away ends it quietly, and an early exit from a probe is not silent.
/// </summary>
[TestClass]
public sealed class StandardOutputTests
{
    private const string DryRun = "\"$PINGER\" --dry-run --root \"$ROOTS/fcos-aws\" --config-dir \"$MINIMAL\"";

    // The script's reader closes its end of the pipe and only then lets pinger start, so the first write meets a
    // pipe with no reader, whatever the machine's speed.
    private const string ClosedReader = "mkfifo gate; ( read -r _ < gate; \"$PINGER\" ARGUMENTS 2> err; echo $? > status ) | { exec 0<&-; echo go > gate; }; wait";

    [TestMethod]
    public void Output_shared_with_other_commands_in_one_file_comes_between_theirs()
    {
        using var directory = new TempDirectory();

        var outcome = ShellScript.Run(directory.Path, $"( printf 'AAAA\\n'; {DryRun} 2>/dev/null; printf 'ZZZZ\\n' ) > f");

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        var text = File.ReadAllText(Path.Combine(directory.Path, "f"));
        Assert.StartsWith("AAAA\n{", text, text);
        Assert.EndsWith("}\nZZZZ\n", text, text);
        var report = JsonNode.Parse(text["AAAA\n".Length..^"ZZZZ\n".Length])!;
        Assert.AreEqual("minimal", (string?)report["level"]);
    }

    [TestMethod]
    public void Warnings_and_the_report_in_one_file_are_both_kept()
    {
        using var directory = new TempDirectory();

        var outcome = ShellScript.Run(directory.Path, $"{DryRun} > f 2>&1");

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        var text = File.ReadAllText(Path.Combine(directory.Path, "f"));
        var reportStart = text.IndexOf("\n{\n", StringComparison.Ordinal) + 1;
        Assert.IsGreaterThan(0, reportStart, text);
        StringAssert.Contains(text[..reportStart], "pinger: warning: no server is configured");
        Assert.AreEqual("minimal", (string?)JsonNode.Parse(text[reportStart..])!["level"], text);
    }

    [TestMethod]
    public void Reports_of_a_loop_redirected_once_are_all_in_the_file()
    {
        using var directory = new TempDirectory();

        var outcome = ShellScript.Run(directory.Path,
            "for r in fcos-aws fcos-gcp fcos-metal; do \"$PINGER\" --dry-run --root \"$ROOTS/$r\" --config-dir \"$MINIMAL\" 2>/dev/null; done > all.json");

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        var platforms = ReadDocuments(File.ReadAllBytes(Path.Combine(directory.Path, "all.json")))
            .Select(d => (string?)d["probes"]!["platform"]!["id"])
            .ToArray();
        CollectionAssert.AreEqual(new[] { "aws", "gcp", "metal" }, platforms);
    }

    [TestMethod]
    public void A_reader_that_closed_the_pipe_ends_a_command_quietly()
    {
        foreach (var command in new[] { "probes --root \"$ROOTS/fcos-aws\" --config-dir \"$MINIMAL\"", "--help", "--dry-run --root \"$ROOTS/fcos-aws\" --config-dir \"$MINIMAL\"" })
        {
            using var directory = new TempDirectory();

            var outcome = ShellScript.Run(directory.Path, ClosedReader.Replace("ARGUMENTS", command, StringComparison.Ordinal));

            Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
            var errors = File.ReadAllText(Path.Combine(directory.Path, "err"));
            Assert.AreEqual(ExitCodes.OutputClosed.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(directory.Path, "status")).Trim(), $"pinger {command}:\n{errors}");
            Assert.DoesNotContain("exception", errors, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("internal error", errors);
        }
    }

    [TestMethod]
    public void Head_reads_the_first_lines_of_the_probe_list_and_pinger_says_nothing()
    {
        using var directory = new TempDirectory();

        var outcome = ShellScript.Run(directory.Path, "\"$PINGER\" probes --root \"$ROOTS/fcos-aws\" --config-dir \"$MINIMAL\" 2> err | head -2");

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(2, outcome.Output.TrimEnd('\n').Split('\n'), outcome.ToString());
        Assert.AreEqual("", File.ReadAllText(Path.Combine(directory.Path, "err")));
    }

    [TestMethod]
    public void A_probe_that_ends_the_process_makes_the_missing_report_visible()
    {
        using var plugins = new ThirdParty.ThirdPartyPlugins();
        plugins.Install(ThirdParty.ThirdPartyPlugins.Sneaky, "sneaky");
        using var machine = new TempDirectory();
        machine.Write("etc/sneaky-exit", "");

        var outcome = PingerProcess.Run(["--dry-run", "--root", machine.Path, "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Failure, outcome.ExitCode, outcome.ToString());
        Assert.IsEmpty(outcome.StandardOutput);
        StringAssert.Contains(outcome.StandardError, "pinger: error: the process was ended before the command finished");
    }

    private static List<JsonNode> ReadDocuments(byte[] bytes)
    {
        var documents = new List<JsonNode>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            documents.Add(JsonNode.Parse(ref reader)!);
        }

        Assert.AreEqual(bytes.Length, (int)reader.BytesConsumed, "nothing but reports in the file");
        return documents;
    }
}
