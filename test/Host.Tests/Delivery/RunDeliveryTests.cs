using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// The published <c>pinger run</c> against real servers on loopback that accept, refuse, fail, rate-limit,
/// hang, drop the connection, or are not there: at most one counted report per window, a bounded run, a quiet
/// exit when the server is unreachable, and a history of what was sent.
/// </summary>
[TestClass]
public sealed class RunDeliveryTests
{
    [TestMethod]
    public async Task An_accepted_report_counts_the_windows_and_the_next_run_in_them_sends_nothing()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var first = bed.Run();
        var second = bed.Run("2026-11-27T18:00:00Z");

        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
        var request = server.Requests.Single();
        Assert.AreEqual("POST", request.Method);
        Assert.AreEqual("/v1/reports", request.Path);
        Assert.AreEqual("application/json; charset=utf-8", request.ContentType);
        Assert.AreEqual("pinger/1", request.UserAgent);
        var report = JsonNode.Parse(request.Text)!;
        Assert.AreEqual("2026-11-27", (string)report["windows"]!["day"]!);
        Assert.AreEqual("2026-11-23", (string)report["windows"]!["week"]!);
        Assert.AreEqual("2026-11-01", (string)report["windows"]!["month"]!);
        StringAssert.Contains(first.StandardError, "report accepted by");
        StringAssert.Contains(second.StandardError, "already counted in the current day, week and month");

        var history = bed.Run(command: "history");
        StringAssert.Contains(history.Output, "accepted  HTTP 204");
        StringAssert.Contains(history.Output, request.Text.Trim());
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(bed.StateDirectory, "history.jsonl")), "the history is readable by root only");
    }

    [TestMethod]
    public async Task Each_new_window_gets_a_fresh_nonce_and_only_its_own_windows()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status200OK);
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        bed.Run("2026-11-27T10:00:00Z");
        bed.Run("2026-11-28T10:00:00Z");
        bed.Run("2026-12-01T10:00:00Z");

        var reports = server.Requests.Select(r => JsonNode.Parse(r.Text)!).ToArray();
        Assert.HasCount(3, reports);
        Assert.HasCount(3, reports.Select(r => (string)r["nonce"]!).Distinct());
        CollectionAssert.AreEqual(new[] { "day" }, reports[1]["windows"]!.AsObject().Select(p => p.Key).ToArray());
        CollectionAssert.AreEqual(new[] { "day", "month", "week" }, reports[2]["windows"]!.AsObject().Select(p => p.Key).ToArray());
    }

    [TestMethod]
    public async Task A_refused_report_is_not_retried_in_the_run_keeps_its_windows_due_and_records_the_reason()
    {
        // Problem details in pinger-server's shape (it refuses a report whose known probe carries a value it does not accept).
        const string Problem = """{"type":"about:blank","title":"The report does not match the schema.","status":422,"detail":"probes.gpu: unknown probe","errors":[{"field":"probes.gpu","problem":"unknown probe"}]}""";
        await using var server = await FakeReportServer.StartAsync(async (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync(Problem);
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var first = bed.Run();
        var refusals = server.Requests.Count;
        var second = bed.Run("2026-11-27T12:00:00Z");
        await using var fixedServer = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        bed.ReportTo(fixedServer.BaseUrl);
        var third = bed.Run("2026-11-27T18:00:00Z");

        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        Assert.AreEqual(1, refusals, "a refusal is not retried within the run");
        StringAssert.Contains(first.StandardError, "report refused by");
        StringAssert.Contains(first.StandardError, "HTTP 422");
        StringAssert.Contains(first.StandardError, "The report does not match the schema.; probes.gpu: unknown probe");
        StringAssert.Contains(first.StandardError, "not counted for day 2026-11-27, week 2026-11-23, month 2026-11-01, which stay due");
        Assert.DoesNotContain("already counted", second.StandardError, "a refused report was not counted");
        Assert.HasCount(2, server.Requests, "the next run offers the refused report again");
        var nonces = server.Requests.Concat(fixedServer.Requests).Select(r => (string)JsonNode.Parse(r.Text)!["nonce"]!).Distinct();
        Assert.HasCount(1, nonces, "the same windows keep their nonce");
        StringAssert.Contains(third.StandardError, "report accepted by");
        var history = bed.Run(command: "history").Output;
        StringAssert.Contains(history, "refused  HTTP 422");
        StringAssert.Contains(history, "  reason: The report does not match the schema.; probes.gpu: unknown probe");
        StringAssert.Contains(history, "accepted  HTTP 204");
        var refusedLines = history.Split('\n').Where(l => l.Contains("refused", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(2, refusedLines, history);
        Assert.IsFalse(refusedLines.Any(l => l.Contains("counted", StringComparison.Ordinal)), history);
    }

    [TestMethod]
    public async Task A_report_counted_without_probes_the_server_does_not_know_is_counted_and_the_log_names_them()
    {
        await using var server = await FakeReportServer.StartAsync(async (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ignored_probes":["acme-cluster","Not A Probe Id","acme-widgets"]}""");
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var first = bed.Run();
        var second = bed.Run("2026-11-27T12:00:00Z");

        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        StringAssert.Contains(first.StandardError, "report accepted by");
        StringAssert.Contains(first.StandardError, "the server does not know the probe(s) acme-cluster, acme-widgets: their fields were left out of the count");
        Assert.DoesNotContain("Not A Probe Id", first.StandardError, "only probe ids are taken from the answer");
        StringAssert.Contains(second.StandardError, "already counted");
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public void With_nothing_sent_yet_history_says_so_and_why()
    {
        using var noServer = new RunBed().Configure("[reporting]\nlevel = \"minimal\"\n");
        using var neverRun = new RunBed().ReportTo(new Uri("http://127.0.0.1:9/"));
        using var off = new RunBed().Configure("[reporting]\nlevel = \"off\"\n");

        var withoutServer = noServer.Run(command: "history");
        var beforeFirstRun = neverRun.Run(command: "history");
        var whenOff = off.Run(command: "history");

        Assert.AreEqual(ExitCodes.Ok, withoutServer.ExitCode, withoutServer.ToString());
        StringAssert.Contains(withoutServer.Output, "No report has been sent from this machine yet");
        StringAssert.Contains(withoutServer.Output, "no server is configured ([reporting] server)");
        StringAssert.Contains(beforeFirstRun.Output, "'pinger run' has not run here yet");
        StringAssert.Contains(whenOff.Output, "reporting is off (reporting.level at ");
    }

    [TestMethod]
    public async Task Server_errors_are_retried_within_the_budget_then_the_same_report_is_retried_next_run()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status503ServiceUnavailable);
        using var bed = new RunBed().ReportTo(server.BaseUrl, timeoutSeconds: 30);

        var failing = bed.Run();
        await using var recovered = await FakeReportServer.AnsweringAsync(StatusCodes.Status201Created);
        bed.ReportTo(recovered.BaseUrl, timeoutSeconds: 30);
        var retry = bed.Run("2026-11-27T13:00:00Z");

        Assert.AreEqual(ExitCodes.Ok, failing.ExitCode, failing.ToString());
        Assert.HasCount(3, server.Requests, "three attempts in one run, no more");
        Assert.AreEqual(1, server.Requests.Select(r => (string)JsonNode.Parse(r.Text)!["nonce"]!).Distinct().Count());
        StringAssert.Contains(failing.StandardError, "not reached (HTTP 503");
        var retried = JsonNode.Parse(recovered.Requests.Single().Text)!;
        Assert.AreEqual((string)JsonNode.Parse(server.Requests.First().Text)!["nonce"]!, (string)retried["nonce"]!, "the retry of the same windows reuses the nonce");
        Assert.AreEqual(ExitCodes.Ok, retry.ExitCode, retry.ToString());
    }

    [TestMethod]
    public async Task A_rate_limit_with_a_short_Retry_After_is_honoured()
    {
        await using var server = await FakeReportServer.StartAsync((n, context) =>
        {
            context.Response.StatusCode = n <= 3 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status204NoContent;
            context.Response.Headers.RetryAfter = "2";
            return Task.CompletedTask;
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl, timeoutSeconds: 20);

        var limited = bed.Run();
        var next = bed.Run("2026-11-27T12:00:00Z");

        Assert.AreEqual(ExitCodes.Ok, limited.ExitCode, limited.ToString());
        Assert.HasCount(4, server.Requests);
        // The client's own account of its waits: two of Retry-After's 2 s, not its jittered backoff.
        StringAssert.Contains(limited.StandardError, "after 3 attempt(s) and 4 s of waiting between them");
        StringAssert.Contains(next.StandardError, "report accepted");
    }

    [TestMethod]
    public async Task A_Retry_After_beyond_the_budget_defers_at_once()
    {
        await using var server = await FakeReportServer.StartAsync((_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl, timeoutSeconds: 10);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(1, server.Requests);
        StringAssert.Contains(outcome.StandardError, "HTTP 429");
    }

    [TestMethod]
    public void A_server_that_hangs_after_connect_cannot_hold_the_run_past_its_budget()
    {
        using var hole = new BlackHole();
        using var bed = new RunBed().ReportTo(hole.Url, timeoutSeconds: 5);

        // The run ends (PingerProcess's minute is a hang guard), and it is the budget that ended the attempt.
        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.IsGreaterThanOrEqualTo(1, hole.Accepted);
        StringAssert.Contains(outcome.StandardError, "no answer within the time budget");
        StringAssert.Contains(bed.StateFile, "\"pending\"");
    }

    [TestMethod]
    public async Task A_dropped_connection_is_a_network_error_and_the_windows_stay_due()
    {
        await using var server = await FakeReportServer.StartAsync((_, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl, timeoutSeconds: 30);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(3, server.Requests);
        StringAssert.Contains(outcome.StandardError, "network error");
        StringAssert.Contains(bed.Run(command: "history").Output, "deferred");
    }

    [TestMethod]
    public void A_refused_connection_ends_quietly_with_one_clear_line()
    {
        using var bed = new RunBed().ReportTo(BlackHole.RefusingUrl(), timeoutSeconds: 10);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(1, outcome.StandardError.Split('\n').Where(l => l.Contains("not reached", StringComparison.Ordinal)));
        StringAssert.Contains(outcome.StandardError, "Connection refused");
    }

    [TestMethod]
    public async Task At_level_off_the_server_sees_no_connection_at_all()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().Configure($"[reporting]\nlevel = \"off\"\nserver = \"{server.BaseUrl}\"\n");

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual(0, server.Connections);
        Assert.IsFalse(bed.HasState, "reporting off touches no state either");
        StringAssert.Contains(outcome.StandardError, "reporting is off");
    }

    [TestMethod]
    public async Task A_sent_report_uses_one_connection()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(1, server.Requests);
        Assert.AreEqual(1, server.Connections, "one attempt, one connection");
    }

    [TestMethod]
    public async Task Invalid_probe_settings_reach_no_server()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl, extra: "[probes.platfrom]\nenabled = false\n");

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.InvalidConfig, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, "unknown probe id 'platfrom'");
        Assert.AreEqual(0, server.Connections, "the config is only accepted once the probes' settings are checked; nothing connects before");
        Assert.IsFalse(bed.HasState, "no nonce is saved for a report that is not built");
    }

    [TestMethod]
    public async Task A_connection_the_server_drops_is_retried_and_the_report_still_counts()
    {
        await using var server = await FakeReportServer.StartAsync(
            (_, context) =>
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            },
            dropFirstConnections: 1);
        using var bed = new RunBed().ReportTo(server.BaseUrl, timeoutSeconds: 20);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(1, server.Requests);
        Assert.AreEqual(2, server.Connections);
        StringAssert.Contains(outcome.StandardError, "report accepted");
        StringAssert.Contains(bed.Run(command: "history").Output, "accepted  HTTP 204");
        StringAssert.Contains(bed.Run("2026-11-27T18:00:00Z").StandardError, "already counted", "the windows are counted, not left due");
    }

    [TestMethod]
    public async Task A_redirect_is_not_followed_and_refuses_the_report()
    {
        await using var elsewhere = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        await using var server = await FakeReportServer.StartAsync((_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(elsewhere.BaseUrl, "v1/reports").ToString();
            return Task.CompletedTask;
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(1, server.Requests);
        Assert.IsEmpty(elsewhere.Requests, "the report goes only where the config says");
        StringAssert.Contains(outcome.StandardError, "report refused by");
        StringAssert.Contains(outcome.StandardError, "HTTP 307");
    }

    [TestMethod]
    public async Task A_request_timeout_answer_is_retried()
    {
        await using var server = await FakeReportServer.StartAsync((n, context) =>
        {
            context.Response.StatusCode = n == 1 ? StatusCodes.Status408RequestTimeout : StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        using var bed = new RunBed().ReportTo(server.BaseUrl, timeoutSeconds: 20);

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(2, server.Requests);
        Assert.AreEqual(server.Requests.First().Text, server.Requests.Last().Text, "the retry sends the same report");
        StringAssert.Contains(outcome.StandardError, "report accepted");
    }

    [TestMethod]
    public async Task Reports_go_through_the_proxy_given_in_the_environment()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        await using var proxy = await ForwardProxy.StartAsync();
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var outcome = bed.Run(environment: new Dictionary<string, string> { ["http_proxy"] = proxy.Url.ToString(), ["no_proxy"] = "" });

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual(new Uri(server.BaseUrl, "v1/reports").ToString(), proxy.Targets.Single());
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task Reports_go_through_the_proxy_given_in_the_config()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        await using var proxy = await ForwardProxy.StartAsync();
        using var bed = new RunBed().ReportTo(server.BaseUrl, extra: $"proxy = \"{proxy.Url}\"\n");

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.HasCount(1, proxy.Targets);
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task A_corrupt_state_file_is_replaced_and_does_not_cause_a_second_count()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);
        Directory.CreateDirectory(bed.StateDirectory);
        File.WriteAllText(Path.Combine(bed.StateDirectory, "state.json"), "{ this is not json");

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.IsEmpty(server.Requests);
        StringAssert.Contains(outcome.StandardError, "is corrupt");
        StringAssert.Contains(bed.StateFile, "\"version\": 1");
    }

    [TestMethod]
    public async Task A_state_directory_that_cannot_be_written_sends_nothing()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);
        Directory.CreateDirectory(Path.GetDirectoryName(bed.StateDirectory)!);
        File.WriteAllText(bed.StateDirectory, "a file where the state directory should be");

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Failure, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual(0, server.Connections);
        StringAssert.Contains(outcome.StandardError, "cannot write the state file");
        StringAssert.Contains(outcome.StandardError, "nothing was sent");
    }

    [TestMethod]
    public async Task The_default_level_notice_is_logged_once_per_boot()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().Configure($"[reporting]\nserver = \"{server.BaseUrl}\"\ntimeout_seconds = 5\n");

        var first = bed.Run("2026-11-27T10:00:00Z");
        var second = bed.Run("2026-11-28T10:00:00Z");

        StringAssert.Contains(first.StandardError, "pinger: notice: Pinger sends an anonymous report at level minimal (the default)");
        Assert.DoesNotContain("notice:", second.StandardError);
    }

    [TestMethod]
    public void Without_a_server_nothing_is_collected_or_sent()
    {
        using var bed = new RunBed().Configure("[reporting]\nlevel = \"minimal\"\n");

        var outcome = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, "no server is configured");
        Assert.IsFalse(bed.HasState);
    }
}
