
namespace Pinger.Core.Tests.Config;

/// <summary>Every class of invalid config gives an error naming the file, the line and the key, with a hint.</summary>
[TestClass]
public sealed class ConfigRejectionTests
{
    private const string AdminFile = "/etc/pinger/config.d/50-admin.toml";

    [TestMethod]
    public void A_TOML_syntax_error_names_file_and_line()
    {
        using var machine = new TempMachine().Write(AdminFile, "[reporting]\nlevel = full\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual(machine.HostPath(AdminFile), error.Location!.File);
        Assert.AreEqual(2, error.Location.Line);
        StringAssert.StartsWith(error.Message, "TOML syntax error");
        Assert.IsNotNull(error.Hint);
    }

    // Found by fuzzing (build/fuzz.cake): Tomlyn threw ArgumentOutOfRangeException for these, and pinger exited
    // with an internal error instead of naming the file and line.
    [TestMethod]
    [DataRow("[reporting]\nserver = \"https://metrics.example.org/\\", 2)]
    [DataRow("[reporting]\nlevel = \"full\\u", 2)]
    [DataRow("[reporting]\nlevel = \"\"\"full\\U0000", 2)]
    [DataRow("\"reporting\\", 1)]
    public void A_file_ending_inside_a_string_escape_is_a_syntax_error_on_its_last_line(string text, int line)
    {
        using var machine = new TempMachine().Write(AdminFile, text);

        var errors = ConfigTestBed.Load(machine).Errors.ToArray();

        Assert.IsNotEmpty(errors);
        Assert.IsTrue(errors.All(e => e.Location!.File == machine.HostPath(AdminFile)), string.Join("\n", errors.Select(e => e.ToString())));
        var error = errors.Last();
        Assert.AreEqual(line, error.Location!.Line, error.ToString());
        StringAssert.StartsWith(error.Message, "TOML syntax error: Invalid End-Of-File");
    }

    // Found by fuzzing: Tomlyn threw TomlException past its nesting limit, and pinger exited with an internal error.
    [TestMethod]
    [DataRow('[', ']')]
    [DataRow('{', '}')]
    public void Values_nested_past_the_parser_limit_are_a_syntax_error_on_the_last_line(char open, char close)
    {
        var nested = open == '{' ? string.Concat(Enumerable.Repeat("{ a = ", 70)) + "1" + new string('}', 70) : new string(open, 70) + new string(close, 70);
        using var machine = new TempMachine().Write(AdminFile, $"[reporting]\nlevel = {nested}\n\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual(machine.HostPath(AdminFile), error.Location!.File);
        Assert.AreEqual(2, error.Location.Line);
        Assert.AreEqual("TOML syntax error: The maximum depth of 64 has been exceeded", error.Message);
    }

    [TestMethod]
    public void A_key_defined_twice_is_a_syntax_error()
    {
        using var machine = new TempMachine().Write(AdminFile, "[reporting]\nlevel = \"full\"\nlevel = \"off\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual(3, error.Location!.Line);
        StringAssert.Contains(error.Message, "reporting.level");
    }

    [TestMethod]
    public void An_unknown_section_is_rejected_with_a_suggestion()
    {
        using var machine = new TempMachine().Write(AdminFile, "# admin settings\n[reportng]\nlevel = \"off\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("reportng", error.Key);
        Assert.AreEqual(2, error.Location!.Line);
        Assert.AreEqual("unknown section", error.Message);
        Assert.AreEqual("did you mean [reporting]?", error.Hint);
    }

    [TestMethod]
    public void An_unknown_key_is_rejected_with_a_suggestion()
    {
        using var machine = new TempMachine().Write(AdminFile, "[reporting]\nlevl = \"off\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("reporting.levl", error.Key);
        Assert.AreEqual("unknown key", error.Message);
        Assert.AreEqual("did you mean 'reporting.level'?", error.Hint);
        Assert.AreEqual($"{machine.HostPath(AdminFile)}:2:1: 'reporting.levl': unknown key (hint: did you mean 'reporting.level'?)", error.Describe());
    }

    [TestMethod]
    public void A_known_key_at_the_top_level_is_pointed_to_its_section()
    {
        using var machine = new TempMachine().Write(AdminFile, "level = \"off\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("put it under [reporting]", error.Hint);
    }

    [TestMethod]
    public void A_value_of_the_wrong_type_is_rejected()
    {
        using var machine = new TempMachine().Write(AdminFile, "[probes.platform]\nenabled = \"no\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("probes.platform.enabled", error.Key);
        Assert.AreEqual("expected a boolean, found a string", error.Message);
        Assert.AreEqual("write true or false, without quotes", error.Hint);
    }

    [TestMethod]
    public void An_unknown_level_is_rejected_with_the_closest_level()
    {
        using var machine = new TempMachine().Write(AdminFile, "[reporting]\nlevel = \"fulll\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("unknown level \"fulll\"", error.Message);
        StringAssert.StartsWith(error.Hint, "did you mean \"full\"?");
    }

    [TestMethod]
    public void An_unknown_probe_id_is_rejected_with_a_suggestion()
    {
        using var machine = new TempMachine().Write(AdminFile, "[probes.platfrom]\nenabled = false\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("probes.platfrom", error.Key);
        Assert.AreEqual("unknown probe id 'platfrom'", error.Message);
        Assert.AreEqual("did you mean 'platform'?", error.Hint);
    }

    [TestMethod]
    public void An_undeclared_probe_setting_is_rejected()
    {
        using var machine = new TempMachine().Write(AdminFile, "[probes.platform]\ntimeout = 5\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("probe 'platform' has no setting 'timeout'", error.Message);
        Assert.AreEqual("probe 'platform' accepts: enabled, timeout_ms", error.Hint);
    }

    [TestMethod]
    public void A_probe_setting_of_the_wrong_type_is_rejected()
    {
        using var machine = new TempMachine().Write(AdminFile, "[probes.platform]\ntimeout_ms = \"5\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("expected an integer, found a string", error.Message);
        Assert.AreEqual("write a whole number, without quotes", error.Hint);
    }

    [TestMethod]
    [DataRow("not a url", "not a valid URL")]
    [DataRow("ftp://metrics.example.org/", "not a valid URL")]
    [DataRow("https://user:pw@metrics.example.org/", "the URL must not contain credentials, a query or a fragment")]
    [DataRow("http://metrics.example.org/", "plain http is only allowed to a loopback address")]
    public void A_malformed_or_unsafe_server_URL_is_rejected(string url, string message)
    {
        using var machine = new TempMachine().Write(AdminFile, $"[reporting]\nserver = \"{url}\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("reporting.server", error.Key);
        Assert.AreEqual(message, error.Message);
    }

    [TestMethod]
    [DataRow("https://metrics.example.org/pinger")]
    [DataRow("http://127.0.0.1:8080/")]
    [DataRow("http://localhost:8080/")]
    [DataRow("http://[::1]:8080/")]
    public void An_https_URL_or_loopback_http_URL_is_accepted(string url)
    {
        using var machine = new TempMachine().Write(AdminFile, $"[reporting]\nserver = \"{url}\"\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(new Uri(url), config.Server);
    }

    [TestMethod]
    public void Arrays_of_tables_are_rejected()
    {
        using var machine = new TempMachine().Write(AdminFile, "[[reporting]]\nlevel = \"off\"\n");

        var errors = ConfigTestBed.Load(machine).Errors.ToArray();

        Assert.IsTrue(errors.Any(e => e.Message == "arrays of tables are not used by Pinger"), string.Join("\n", errors.Select(e => e.ToString())));
    }

    [TestMethod]
    public void Every_error_in_every_file_is_reported_at_once()
    {
        using var machine = new TempMachine()
            .Write("/usr/lib/pinger/config.d/10-defaults.toml", "[reporting]\nlevel = \"sometimes\"\n")
            .Write(AdminFile, "[reporting]\nserver = \"nope\"\n[probes.nosuch]\nenabled = false\n[probes.platform]\nenabled = 1\n");

        var errors = ConfigTestBed.Load(machine).Errors.Select(e => (File: Path.GetFileName(e.Location!.File), e.Location.Line, e.Key)).ToArray();

        CollectionAssert.AreEqual(
            new[]
            {
                ("10-defaults.toml", 2, "reporting.level"),
                ("50-admin.toml", 2, "reporting.server"),
                ("50-admin.toml", 3, "probes.nosuch"),
                ("50-admin.toml", 6, "probes.platform.enabled"),
            },
            errors);
    }

    [TestMethod]
    public void A_drop_in_that_cannot_be_read_is_an_error()
    {
        using var machine = new TempMachine().Link(AdminFile, "/etc/pinger/loop.toml").Link("/etc/pinger/loop.toml", AdminFile);

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("the file cannot be read", error.Message);
    }
}
