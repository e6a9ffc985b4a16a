using System.Net;
using System.Text;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Operations;

[TestClass]
public sealed class PrivacyTests
{
    private const string ForwardedFor = "198.51.100.231";
    private const string UserAgent = "PrivacyCanary/7.3.1 (uniq-host-kq83)";
    private const string CountmeAgent = "libdnf (Fedora Linux 41; coreos; Linux.x86_64)";

    [TestMethod]
    public async Task No_address_user_agent_or_raw_report_reaches_the_database_or_the_logs()
    {
        using var directory = new TempDirectory { Keep = true };
        var stateFiles = new List<string>();
        IReadOnlyList<string> logs;
        var valid = ReportJson.Minimal();
        await using (var server = await TestServer.StartAsync(s => s with { RateLimitPerMinute = 1000, RateLimitByForwardedFor = true }, directory: directory))
        {
            server.Client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
            server.Client.DefaultRequestHeaders.TryAddWithoutValidation("X-Real-IP", ForwardedFor);
            server.Client.DefaultRequestHeaders.TryAddWithoutValidation("Forwarded", "for=" + ForwardedFor);
            server.Client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            Assert.AreEqual(HttpStatusCode.NoContent, (await server.PostReportAsync(valid)).StatusCode);
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, (await server.PostReportAsync(ReportJson.Minimal(change: r => r["level"] = UserAgent))).StatusCode);
            Assert.AreEqual(HttpStatusCode.BadRequest, (await server.PostReportAsync("{" + UserAgent)).StatusCode);
            Assert.AreEqual(HttpStatusCode.NotFound, (await server.Client.GetAsync("/nothing-here?who=" + ForwardedFor)).StatusCode);
            server.Client.DefaultRequestHeaders.Remove("User-Agent");
            server.Client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", CountmeAgent);
            Assert.AreEqual(HttpStatusCode.NoContent, (await server.Client.GetAsync("/metalink?repo=fedora-41&arch=x86_64&countme=1")).StatusCode);
            await server.StopAsync();
            logs = server.Logs.Lines;
            stateFiles.AddRange(Directory.GetFiles(server.StateDirectory));
            var contents = stateFiles.Select(File.ReadAllBytes).ToArray();
            foreach (var canary in new[] { ForwardedFor, UserAgent, CountmeAgent, "127.0.0.1", valid })
            {
                var bytes = Encoding.UTF8.GetBytes(canary);
                Assert.IsFalse(contents.Any(c => c.AsSpan().IndexOf(bytes) >= 0), $"'{canary}' found in the state files");
                // The server's own listening address is logged at start; the client's (the same loopback address) never.
                Assert.IsFalse(logs.Any(l => l.Contains(canary, StringComparison.Ordinal) && !l.Contains("Now listening on", StringComparison.Ordinal)), $"'{canary}' found in the logs");
            }
        }

        Assert.IsTrue(stateFiles.Count > 0);
        Assert.IsTrue(logs.Count > 0, "the server did log something (the registry load), so the capture works");
        directory.Keep = false;
    }
}
