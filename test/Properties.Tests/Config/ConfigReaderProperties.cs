using System.Text;
using CsCheck;
using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Plugins.Sdk;

namespace Pinger.Properties.Tests.Config;

/// <summary>
/// The client's drop-in reader and validator over generated text: they never throw, and every error names the file and
/// a line of it, whatever the text (arbitrary characters, TOML-shaped lines, the bytes of a file decoded as pinger does).
/// </summary>
[TestClass]
public sealed class ConfigReaderProperties
{
    private const string File = "/etc/pinger/config.d/50-generated.toml";

    private static readonly FragmentValidator Validator = new(ClientConfigSchema.Instance, KnownProbes.Of(
    [
        new ProbeDescriptor("platform", "Platform.", MetricsLevel.Minimal, true, TimeSpan.FromSeconds(1),
            [FieldDeclaration.OneOf("id", MetricsLevel.Minimal, "Platform id.", ["aws", "metal"], "fixed set")],
            [SettingDeclaration.Integer("timeout_ms", 1500, "How long to wait."), SettingDeclaration.Text("metadata_url", "http://169.254.169.254/", "Where.")]),
        new ProbeDescriptor("hardware", "Hardware.", MetricsLevel.Full, true, TimeSpan.FromSeconds(1),
            [FieldDeclaration.Boolean("uefi", MetricsLevel.Full, "Firmware type.")], [SettingDeclaration.Boolean("read_dmi", true, "Read DMI.")]),
    ], ["broken-plugin"]));

    /// <summary>Lines a drop-in might hold, right or wrong: headers, keys, values of every TOML type, comments, junk.</summary>
    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.OneOf("[reporting]", "[collecting]", "[probes]", "[probes.platform]", "[probes.hardware]", "[probes.broken-plugin]", "[probes.nosuch]",
            "[probes.platform.sub]", "[[reporting]]", "[reportng]", "[]", "[reporting", "", "# comment", "\t", "\"", "'''", "\"\"\"", "=", "a.b.c = 1"),
        Gen.Select(
            Gen.OneOf("level", "server", "timeout_seconds", "proxy", "third_party_probes", "enabled", "timeout_ms", "metadata_url", "read_dmi",
                "reporting.level", "probes.platform.enabled", "\"quoted key\"", "lvel", "x"),
            Gen.OneOf("\"off\"", "\"minimal\"", "\"full\"", "\"fulll\"", "\"https://metrics.example.org/\"", "\"http://127.0.0.1:8080/\"",
                "\"http://metrics.example.org/\"", "\"ftp://x/\"", "\"not a url\"", "true", "false", "0", "5", "300", "301", "-1",
                "9223372036854775807", "1.5", "inf", "nan", "1979-05-27T07:32:00Z", "[1, 2]", "[[[]]]", "{ a = 1 }", "{ enabled = false }",
                "\"\\u00e9\"", "\"\\uD800\"", "\"\\", "'literal'", "\"\"\"multi\nline\"\"\"", "0x10", "1_000"),
            (key, value) => $"{key} = {value}"),
        Gen.String[0, 40]);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Any_text_gives_diagnostics_never_an_exception_and_every_error_names_the_file_and_a_line()
    {
        var iterations = CampaignSize.Pick(ci: 3_000, full: 100_000);
        Gen.String[0, 400].Sample(Holds, iter: iterations, threads: 1);
        Figures.Record(TestContext, "properties", "config reader, any text: no exception, errors located (iterations)", iterations);
    }

    [TestMethod]
    public void Any_TOML_shaped_text_gives_diagnostics_never_an_exception_and_every_error_names_the_file_and_a_line()
    {
        var iterations = CampaignSize.Pick(ci: 3_000, full: 100_000);
        var rejected = 0;
        Gen.Select(Line.Array[0, 12], Gen.Bool).Sample((lines, finalNewline) =>
        {
            var text = string.Join('\n', lines) + (finalNewline ? "\n" : string.Empty);
            if (!Holds(text))
            {
                return false;
            }

            rejected += Validator.Validate(TomlFragmentReader.Read(File, text)).Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
            return true;
        }, iter: iterations, threads: 1);

        Assert.IsTrue(rejected > 0 && rejected < iterations, $"{rejected} of {iterations} rejected: the generator reaches both outcomes");
        Figures.Record(TestContext, "properties", "config reader, TOML-shaped text: no exception, errors located (iterations, rejected)", $"{iterations}, {rejected}");
    }

    [TestMethod]
    public void Any_bytes_decoded_as_pinger_reads_files_give_diagnostics_never_an_exception()
    {
        var iterations = CampaignSize.Pick(ci: 2_000, full: 50_000);
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            using var reader = new StreamReader(new MemoryStream(bytes));
            return Holds(reader.ReadToEnd());
        }, iter: iterations, threads: 1, print: b => Convert.ToBase64String(b));
        Figures.Record(TestContext, "properties", "config reader, any bytes: no exception, errors located (iterations)", iterations);
    }

    // True when reading and validating gave diagnostics only, every error with this file and a line of the text.
    private static bool Holds(string text)
    {
        var (diagnostics, _) = Validator.Validate(TomlFragmentReader.Read(File, text));
        var lines = text.Count(c => c == '\n') + 1;
        return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .All(d => d.Location is { } at && at.File == File && at.Line >= 1 && at.Line <= lines);
    }
}
