using System.Net;
using System.Net.Http.Headers;
using Pinger.Server.Countme;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Metalink;

[TestClass]
public sealed class MetalinkEndpointsTests
{
    private const string Header = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch";
    private const string Libdnf = "libdnf (Fedora Linux 41; coreos; Linux.x86_64)";
    private const string RpmOstree = "rpm-ostree (Fedora Linux 41; coreos; Linux.aarch64)";

    [TestMethod]
    public async Task Metalink_and_mirrorlist_requests_with_countme_are_counted_per_week_like_mirrors_countme()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 1 });

        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=2", Libdnf));
        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/mirrorlist?repo=fedora-41&arch=x86_64&countme=2", Libdnf));
        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/metalink?repo=fedora-coreos-pool&arch=aarch64&countme=4", RpmOstree));
        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64", Libdnf), "no countme: not counted");
        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=1", "Mozilla/5.0"), "any User-Agent counts, with empty OS fields");
        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=-3", Libdnf), "negative: not counted");
        Assert.AreEqual(HttpStatusCode.NoContent, await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=1.5", Libdnf), "not an integer: not counted");

        // The week is still running: not published; the admin API shows it, marked as provisional.
        Assert.AreEqual(Header + "\n", await server.Client.GetStringAsync("/v1/countme/totals.csv"));
        using var publicProvisional = await server.Client.GetAsync("/v1/countme/totals.csv?provisional=1");
        Assert.AreEqual(HttpStatusCode.NotFound, publicProvisional.StatusCode);
        using var provisionalRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/countme/totals.csv?provisional=1");
        provisionalRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Totals.AdminToken);
        using var provisional = await server.Client.SendAsync(provisionalRequest);
        Assert.AreEqual("2026-11-23", provisional.Headers.GetValues("Pinger-Provisional-Week").Single());
        Assert.AreEqual("text/csv", provisional.Content.Headers.ContentType?.MediaType);

        server.Clock.Now = FixedClock.Friday.AddDays(3);
        var csv = await server.Client.GetStringAsync("/v1/countme/totals.csv");
        Assert.AreEqual(
            Header + "\n"
            + "2026-11-23,2026-11-29,1,,,,,1,fedora-41,x86_64\n"
            + "2026-11-23,2026-11-29,1,Fedora Linux,41,coreos,aarch64,4,fedora-coreos-pool,aarch64\n"
            + "2026-11-23,2026-11-29,2,Fedora Linux,41,coreos,x86_64,2,fedora-41,x86_64\n",
            csv);
        Assert.AreEqual(csv, await provisional.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Countme_rows_are_exact_in_the_public_file_once_their_week_is_complete()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 2 });
        await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=2", Libdnf);
        server.Clock.Now = FixedClock.Friday.AddDays(7);

        var open = await server.Client.GetStringAsync("/v1/countme/totals.csv");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/countme/totals.csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Totals.AdminToken);
        using var admin = await server.Client.SendAsync(request);

        const string Row = "2026-11-23,2026-11-29,1,Fedora Linux,41,coreos,x86_64,2,fedora-41,x86_64\n";
        Assert.AreEqual(Header + "\n" + Row, open, "countme totals are published exactly, as Fedora publishes them");
        StringAssert.Contains(await admin.Content.ReadAsStringAsync(), Row);
    }

    [TestMethod]
    public async Task An_os_field_outside_printable_ascii_or_over_the_cap_counts_with_empty_os_fields_as_the_import_would()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 1 });
        var longName = new string('F', CountmeUserAgent.MaxFieldLength + 1);

        await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=1", "libdnf (F\u0001dora 41; coreos; Linux.x86_64)");
        await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=1", $"libdnf ({longName} 41; coreos; Linux.x86_64)");
        await GetAsync(server, "/metalink?repo=fedora-41&arch=x86_64&countme=1", "libdnf (Fedora \"41\"; coreos; Linux.x86_64)");
        server.Clock.Now = FixedClock.Friday.AddDays(7);

        Assert.AreEqual(Header + "\n" + "2026-11-23,2026-11-29,2,,,,,1,fedora-41,x86_64\n", await server.Client.GetStringAsync("/v1/countme/totals.csv"),
            "both odd OS fields are dropped; a header with a double quote that is not the form is not a hit, as in a log");
    }

    [TestMethod]
    public async Task A_configured_redirect_answers_302_with_the_query_string_kept()
    {
        await using var server = await TestServer.StartAsync(s => s with { MetalinkRedirect = "https://mirrors.example.org/metalink" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metalink?repo=fedora-41&arch=x86_64&countme=1");
        request.Headers.TryAddWithoutValidation("User-Agent", Libdnf);

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("https://mirrors.example.org/metalink?repo=fedora-41&arch=x86_64&countme=1", response.Headers.Location?.ToString());
    }

    [TestMethod]
    public async Task HEAD_on_metalink_and_mirrorlist_counts_like_GET()
    {
        await using var server = await TestServer.StartAsync(s => s with { MinCount = 1 });

        Assert.AreEqual(HttpStatusCode.NoContent, await SendAsync(server.Client, HttpMethod.Head, "/metalink?repo=fedora-41&arch=x86_64&countme=3", Libdnf));
        Assert.AreEqual(HttpStatusCode.NoContent, await SendAsync(server.Client, HttpMethod.Head, "/mirrorlist?repo=fedora-41&arch=x86_64&countme=3", Libdnf));
        server.Clock.Now = FixedClock.Friday.AddDays(7);

        Assert.AreEqual(Header + "\n" + "2026-11-23,2026-11-29,2,Fedora Linux,41,coreos,x86_64,3,fedora-41,x86_64\n",
            await server.Client.GetStringAsync("/v1/countme/totals.csv"));
    }

    [TestMethod]
    public async Task A_configured_mirrorlist_redirect_answers_GET_and_HEAD_with_302_and_the_query_string_kept()
    {
        await using var server = await TestServer.StartAsync(s => s with { MirrorlistRedirect = "https://mirrors.example.org/mirrorlist" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        const string Query = "?repo=fedora-41&arch=x86_64&countme=1";

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var request = new HttpRequestMessage(method, "/mirrorlist" + Query);
            request.Headers.TryAddWithoutValidation("User-Agent", Libdnf);
            using var response = await client.SendAsync(request);

            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, method.Method);
            Assert.AreEqual("https://mirrors.example.org/mirrorlist" + Query, response.Headers.Location?.ToString(), method.Method);
        }

        using var metalink = new HttpRequestMessage(HttpMethod.Get, "/metalink" + Query);
        using var unredirected = await client.SendAsync(metalink);
        Assert.AreEqual(HttpStatusCode.NoContent, unredirected.StatusCode, "the mirrorlist redirect is not the metalink's");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string userAgent)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    internal static async Task<HttpStatusCode> GetAsync(TestServer server, string path, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await server.Client.SendAsync(request);
        return response.StatusCode;
    }
}
