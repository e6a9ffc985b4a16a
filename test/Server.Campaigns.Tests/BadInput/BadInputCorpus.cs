using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.BadInput;

/// <summary>
/// Builds the bad-input corpus from data: a valid report taken apart in every way a client, a proxy or an attacker
/// might, each with the answers that are right for it. Every report-shaped case carries a fresh nonce, so a case
/// wrongly accepted would show in the counts.
/// </summary>
internal static class BadInputCorpus
{
    private const int BodyLimit = 8192;
    private static readonly int[] BadRequest = [400];
    private static readonly int[] Unprocessable = [422];
    private static readonly int[] Unsupported = [415];

    // Kestrel may answer 413 and close before the rest arrives, or reset the connection first.
    private static readonly int[] TooLarge = [413, 0];

    // Kestrel answers 408 when a request is too slow, or closes the connection.
    private static readonly int[] TimedOut = [408, 0];

    public static IReadOnlyList<BadInputCase> Build()
    {
        var cases = new List<BadInputCase>();
        cases.AddRange(Truncated());
        cases.AddRange(Syntax());
        cases.AddRange(WrongEnvelopeTypes());
        cases.AddRange(WrongFieldTypes());
        cases.AddRange(SchemaViolations());
        cases.AddRange(DeepNesting());
        cases.AddRange(Encodings());
        cases.AddRange(ContentTypes());
        cases.AddRange(ContentCodings());
        cases.AddRange(Sizes());
        cases.AddRange(Framing());
        cases.AddRange(MethodsAndPaths());
        cases.AddRange(Slow());
        return cases;
    }

    /// <summary>A valid report with a fresh nonce, as a tree to break.</summary>
    private static JsonObject Report() => JsonNode.Parse(ReportBodies.Valid(ReportBodies.NewNonce()))!.AsObject();

    private static string Report(Action<JsonObject> change)
    {
        var report = Report();
        change(report);
        return report.ToJsonString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A whole request: request line, Host, Connection: close, the content type (none when null), extra headers, Content-Length, body.</summary>
    private static byte[] Request(byte[] body, string? contentType = "application/json", string headers = "", string method = "POST", string path = "/v1/reports", bool withLength = true)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (contentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        head.Append(headers);
        if (withLength)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    private static byte[] Request(string body, string? contentType = "application/json", string headers = "") => Request(Utf8(body), contentType, headers);

    private static BadInputCase Case(string family, string name, byte[] request, int[] expected) => new(family, name, request, expected);

    private static IEnumerable<BadInputCase> Truncated()
    {
        var body = Utf8(ReportBodies.Valid(ReportBodies.NewNonce()));
        for (var length = 0; length < body.Length; length += 8)
        {
            yield return Case("truncated", $"the first {length} of {body.Length} bytes", Request(body[..length]), BadRequest);
        }

        yield return Case("truncated", "all but the closing brace", Request(body[..^1]), BadRequest);
    }

    private static IEnumerable<BadInputCase> Syntax()
    {
        string[] texts =
        [
            """{"schema":1,}""", "{,}", """{"a" 1}""", "{'schema':1}", "{schema:1}", """{"schema":01}""", """{"schema":1.}""",
            """{"schema":.5}""", """{"schema":+1}""", """{"schema":NaN}""", """{"schema":Infinity}""", """{"schema":-}""",
            """{"schema":1e}""", """{"schema":0x1}""", """{"schema":tru}""", """{"schema":nul}""", """{"level":"a\x"}""",
            """{"level":"a\u12"}""", "{\"level\":\"tab\there\"}", "{\"level\":\"line\nbreak\"}", """{"schema":1} x""",
            """{"schema":1}{"schema":1}""", """/* note */{"schema":1}""", "{\"schema\":1 // note\n}", """{"schema":[1,]}""",
            """{"schema":[1 2]}""", """{"schema":1]""", """["schema":1}""", """{"schema"}""", """{"schema"::1}""", """{"":}""",
            "   ", "\0", "[]", "[{}]", "\"report\"", "1", "null", "true", "false", "-0",
            """{"age":3,"age":3,"schema":1}""", """{"schema":1,"probes":{"platform":{"id":"aws","id":"gcp"}}}""",
            """{"schema":1,"windows":{"day":"2026-11-27","day":"2026-11-27"}}""",
        ];
        foreach (var text in texts)
        {
            yield return Case("not a JSON object", Printable(text), Request(text), BadRequest);
        }

        yield return Case("not a JSON object", "a valid report followed by a comma", Request(ReportBodies.Valid(ReportBodies.NewNonce()) + ","), BadRequest);
    }

    private static IEnumerable<BadInputCase> WrongEnvelopeTypes()
    {
        string[] values = ["\"3\"", "3.5", "true", "null", "[]", "{}", "-1", "\"\"", "1e999", "99999999999999999999"];
        foreach (var member in new[] { "age", "level", "nonce", "schema", "windows", "probes" })
        {
            foreach (var value in values.Where(v => !(member == "probes" && v == "{}")))
            {
                yield return Case("wrong type", $"{member} = {value}", Request(Report(r => r[member] = JsonNode.Parse(value))), Unprocessable);
            }
        }
    }

    private static IEnumerable<BadInputCase> WrongFieldTypes()
    {
        string[] values = ["3", "true", "null", "[]", "{}", "3.5", "\"\"", "[\"x\", 1]"];
        foreach (var (probe, field) in new[] { ("platform", "id"), ("os-versions", "machine"), ("os-versions", "version_id") })
        {
            foreach (var value in values)
            {
                yield return Case("wrong type", $"{probe}.{field} = {value}", Request(Report(r => r["probes"]![probe]![field] = JsonNode.Parse(value))), Unprocessable);
            }
        }

        yield return Case("wrong type", "platform = \"aws\"", Request(Report(r => r["probes"]!["platform"] = "aws")), Unprocessable);
        yield return Case("wrong type", "probes.os-versions = []", Request(Report(r => r["probes"]!["os-versions"] = new JsonArray())), Unprocessable);
    }

    private static IEnumerable<BadInputCase> SchemaViolations()
    {
        var (day, week, month) = ReportBodies.Windows();
        var today = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var notMonday = DateOnly.ParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var notFirst = DateOnly.ParseExact(month, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastYear = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nextYear = today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string Name, Action<JsonObject> Change)[] changes =
        [
            // A well-named probe the server does not know is counted without it (200); a name that is no probe id is refused.
            ("a probe name that is no probe id", r => r["probes"]!["Made Up!"] = new JsonObject { ["x"] = "y" }),
            ("an unknown field", r => r["probes"]!["platform"]!["colour"] = "blue"),
            ("a value outside the declared set", r => r["probes"]!["platform"]!["id"] = "mainframe"),
            ("a machine outside the declared set", r => r["probes"]!["os-versions"]!["machine"] = "sparc"),
            ("a value breaking the pattern", r => r["probes"]!["os-versions"]!["version_id"] = "41!"),
            ("an upper-case id", r => r["probes"]!["os-versions"]!["id"] = "Fedora"),
            ("a value above max_length", r => r["probes"]!["os-versions"]!["version"] = new string('4', 65)),
            ("a NUL in a value", r => r["probes"]!["os-versions"]!["version"] = "41\0"),
            ("a full-level field in a minimal report", r => r["probes"]!["hardware"] = new JsonObject { ["cpus"] = 4 }),
            ("age 0", r => r["age"] = 0),
            ("age 5", r => r["age"] = 5),
            ("level verbose", r => r["level"] = "verbose"),
            ("schema 2", r => r["schema"] = 2),
            ("a 21-character nonce", r => r["nonce"] = "AAAAAAAAAAAAAAAAAAAAA"),
            ("a 23-character nonce", r => r["nonce"] = "AAAAAAAAAAAAAAAAAAAAAAA"),
            ("a padded nonce", r => r["nonce"] = "AAAAAAAAAAAAAAAAAAAAAA=="),
            ("a nonce in base64, not base64url", r => r["nonce"] = "AAAAAAAAAAAAAAAAAA+/AA"),
            ("a nonce whose last character carries too many bits", r => r["nonce"] = "AAAAAAAAAAAAAAAAAAAAAB"),
            ("a window a year old", r => r["windows"]!["day"] = lastYear),
            ("a window a year ahead", r => r["windows"]!["day"] = nextYear),
            ("a week not starting on Monday", r => r["windows"]!["week"] = notMonday),
            ("a month not starting on the 1st", r => r["windows"]!["month"] = notFirst),
            ("a date that does not exist", r => r["windows"]!["month"] = "2026-13-01"),
            ("a date written day first", r => r["windows"]!["day"] = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            ("a date as a number", r => r["windows"]!["day"] = 20261127),
            ("an unknown window", r => r["windows"]!["year"] = "2026-01-01"),
            ("no windows", r => r["windows"] = new JsonObject()),
            ("an extra top-level member", r => r["address"] = "192.0.2.1"),
            ("no nonce", r => r.Remove("nonce")),
            ("no schema", r => r.Remove("schema")),
            ("no level", r => r.Remove("level")),
        ];
        foreach (var (name, change) in changes)
        {
            yield return Case("breaks the schema", name, Request(Report(change)), Unprocessable);
        }
    }

    private static IEnumerable<BadInputCase> DeepNesting()
    {
        foreach (var depth in new[] { 9, 10, 16, 64, 256, 1000, 3000, 5000 })
        {
            var arrays = new string('[', depth) + new string(']', depth);
            var expected = arrays.Length > BodyLimit - 300 ? TooLarge : BadRequest;
            yield return Case("deeply nested", $"{depth} nested arrays as a value", Request(Report(r => r["probes"]!["platform"]!["id"] = "@@").Replace("\"@@\"", arrays, StringComparison.Ordinal)), expected);
        }

        foreach (var depth in new[] { 9, 64, 1000 })
        {
            var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            yield return Case("deeply nested", $"{depth} nested objects as a value", Request(Report(r => r["probes"]!["platform"]!["id"] = "@@").Replace("\"@@\"", objects, StringComparison.Ordinal)), BadRequest);
        }
    }

    private static IEnumerable<BadInputCase> Encodings()
    {
        (string Name, byte[] Bytes)[] invalid =
        [
            ("0xFF", [0xFF]), ("0xFE", [0xFE]), ("an overlong '/'", [0xC0, 0xAF]), ("an overlong 3-byte form", [0xE0, 0x80, 0xAF]),
            ("an encoded surrogate (CESU-8)", [0xED, 0xA0, 0x80]), ("a code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("a 5-byte sequence", [0xF8, 0x88, 0x80, 0x80, 0x80]), ("a lone continuation byte", [0x80]),
            ("a truncated 2-byte sequence", [0xC2]), ("a truncated 3-byte sequence", [0xE2, 0x82]), ("Latin-1 'é'", [0xE9]),
        ];
        var template = Utf8(ReportBodies.Valid(ReportBodies.NewNonce()).Replace("\"aws\"", "\"aws@@\"", StringComparison.Ordinal));
        var at = IndexOf(template, Utf8("@@"));
        foreach (var (name, bytes) in invalid)
        {
            yield return Case("bad encoding", $"{name} inside a value", Request([.. template[..at], .. bytes, .. template[(at + 2)..]]), BadRequest);
        }

        var nameTemplate = Utf8(ReportBodies.Valid(ReportBodies.NewNonce()).Replace("\"source\"", "\"sou@@rce\"", StringComparison.Ordinal));
        var nameAt = IndexOf(nameTemplate, Utf8("@@"));
        yield return Case("bad encoding", "0xFF inside a member name", Request([.. nameTemplate[..nameAt], 0xFF, .. nameTemplate[(nameAt + 2)..]]), BadRequest);

        var report = ReportBodies.Valid(ReportBodies.NewNonce());
        (string Name, byte[] Body)[] whole =
        [
            ("UTF-16LE with a BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(report)]),
            ("UTF-16LE without a BOM", Encoding.Unicode.GetBytes(report)),
            ("UTF-16BE with a BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(report)]),
            ("UTF-16BE without a BOM", Encoding.BigEndianUnicode.GetBytes(report)),
            ("UTF-32LE with a BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(report)]),
            ("UTF-8 with a BOM", [0xEF, 0xBB, 0xBF, .. Utf8(report)]),
        ];
        foreach (var (name, body) in whole)
        {
            yield return Case("bad encoding", $"a report in {name}", Request(body), BadRequest);
        }

        yield return Case("bad encoding", "UTF-16LE declared as charset=utf-16", Request([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(report)], "application/json; charset=utf-16"), Unsupported);
        yield return Case("bad encoding", "UTF-16BE declared as charset=utf-16be", Request(Encoding.BigEndianUnicode.GetBytes(report), "application/json; charset=utf-16be"), Unsupported);

        (string Name, string From, string To)[] surrogates =
        [
            ("a lone high surrogate as the level", "\"minimal\"", "\"\\ud800\""),
            ("a lone low surrogate in a member name", "\"age\"", "\"\\udc00age\""),
            ("a lone surrogate as a field value", "\"aws\"", "\"\\ud83d\""),
            ("a lone surrogate in a list item", "\"aws\"", "[\"\\udfff\"]"),
            ("a lone surrogate in the nonce", "\"nonce\":\"", "\"nonce\":\"\\ud800"),
            ("reversed surrogates in a value", "\"aws\"", "\"\\ude00\\ud83d\""),
        ];
        foreach (var (name, from, to) in surrogates)
        {
            yield return Case("bad encoding", name, Request(ReportBodies.Valid(ReportBodies.NewNonce()).Replace(from, to, StringComparison.Ordinal)), BadRequest);
        }
    }

    private static IEnumerable<BadInputCase> ContentTypes()
    {
        string?[] types =
        [
            null, "", "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonl", "application/json-seq", "application/problem+json", "application/ld+json", "application/json-patch+json",
            "*/*", "application/*", "application", "json", "application/json; charset=iso-8859-1", "application/json; charset=latin1",
            "application/json; charset=us-ascii", "application/json; charset=utf-32", "application/json; charset=utf8",
            "application/json; charset=ucs-2", "application/json; charset=windows-1252", "application/json, text/plain", ";;;",
            "application/json; charset=",
        ];
        foreach (var type in types)
        {
            var name = type is null ? "no Content-Type" : $"Content-Type: {type}";
            yield return Case("wrong content type", name, Request(ReportBodies.Valid(ReportBodies.NewNonce()), type), Unsupported);
        }
    }

    private static IEnumerable<BadInputCase> ContentCodings()
    {
        // A gzip bomb: 64 MiB of zeros, a few dozen KiB on the wire; nothing may decompress it.
        var bomb = Gzip(new byte[64 * 1024 * 1024]);
        var small = Gzip(new byte[4 * 1024 * 1024]);
        yield return Case("content coding", $"a gzip bomb, {bomb.Length / 1024} KiB expanding to 64 MiB", Request(bomb, headers: "Content-Encoding: gzip\r\n"), [415, 413, 0]);
        yield return Case("content coding", $"a gzip bomb within the size limit, {small.Length} bytes expanding to 4 MiB", Request(small, headers: "Content-Encoding: gzip\r\n"), Unsupported);
        var report = Utf8(ReportBodies.Valid(ReportBodies.NewNonce()));
        yield return Case("content coding", "a gzipped report", Request(Gzip(report), headers: "Content-Encoding: gzip\r\n"), Unsupported);
        foreach (var coding in new[] { "deflate", "br", "gzip, gzip", "x-gzip", "compress", "zstd", "GZIP", "identity, gzip" })
        {
            yield return Case("content coding", $"Content-Encoding: {coding}", Request(report, headers: $"Content-Encoding: {coding}\r\n"), Unsupported);
        }
    }

    private static IEnumerable<BadInputCase> Sizes()
    {
        var report = ReportBodies.Valid(ReportBodies.NewNonce());
        foreach (var size in new[] { BodyLimit + 1, 65536, 1024 * 1024 })
        {
            var padded = Utf8(report[..^1] + new string(' ', size - report.Length) + "}");
            yield return Case("oversized", $"a {size}-byte body (a report padded with spaces)", Request(padded), TooLarge);
        }

        yield return Case("oversized", "Content-Length: 10000000 and one byte", [.. Request([], headers: "Content-Length: 10000000\r\n", withLength: false), (byte)'{'], [413]);
        yield return Case("oversized", "Content-Length: 4611686018427387904", [.. Request([], headers: "Content-Length: 4611686018427387904\r\n", withLength: false), (byte)'{'], [413]);
        foreach (var size in new[] { 9 * 1024, 1024 * 1024 })
        {
            var chunks = new StringBuilder();
            for (var left = size; left > 0; left -= 1024)
            {
                chunks.Append("400\r\n").Append(' ', 1024).Append("\r\n");
            }

            yield return Case("oversized", $"a chunked body of {size} bytes", Request(Utf8(chunks + "0\r\n\r\n"), headers: "Transfer-Encoding: chunked\r\n", withLength: false), TooLarge);
        }
    }

    private static IEnumerable<BadInputCase> Framing()
    {
        var report = ReportBodies.Valid(ReportBodies.NewNonce());
        var body = Utf8(report);
        byte[] Raw(string text) => Encoding.Latin1.GetBytes(text);
        const string Line = "POST /v1/reports HTTP/1.1\r\n";
        const string Host = "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n";
        yield return Case("framing", "a chunk size that is not hex", Raw(Line + Host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), BadRequest);
        yield return Case("framing", "a chunk size that overflows", Raw(Line + Host + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n{}\r\n0\r\n\r\n"), [400, 413]);
        yield return Case("framing", "a chunk without its CRLF", Raw(Line + Host + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n"), BadRequest);
        // A client that stops sending mid-body may get its 400, or see the connection closed.
        yield return new BadInputCase("framing", "a chunked body without its last chunk, then the client stops sending", Raw(Line + Host + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n"), [400, 0]) { HalfClose = true };
        yield return new BadInputCase("framing", "fewer bytes than Content-Length, then the client stops sending", Request(body[..50], headers: $"Content-Length: {body.Length}\r\n", withLength: false), [400, 0]) { HalfClose = true };
        yield return Case("framing", "Content-Length: abc", Raw(Line + Host + "Content-Length: abc\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "Content-Length: -1", Raw(Line + Host + "Content-Length: -1\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "two different Content-Lengths", Raw(Line + Host + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} "), BadRequest);
        yield return Case("framing", "Content-Length and Transfer-Encoding: chunked", Raw(Line + Host + $"Content-Length: {body.Length}\r\nTransfer-Encoding: chunked\r\n\r\n" + report), BadRequest);
        yield return Case("framing", "Transfer-Encoding: identity", Raw(Line + Host + $"Transfer-Encoding: identity\r\n\r\n" + report), BadRequest);
        yield return Case("framing", "a header line without a colon", Raw(Line + Host + "Broken header line\r\nContent-Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "a space in a header name", Raw(Line + Host + "Content Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "a NUL in a header value", Raw(Line + Host + "X-Note: a\0b\r\nContent-Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "a non-ASCII header name", Raw(Line + Host + "X-Nöte: a\r\nContent-Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "a folded header line (obs-fold)", Raw(Line + Host + "X-Note: a\r\n b\r\nContent-Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "a request line without a version", Raw("POST /v1/reports\r\n" + Host + "Content-Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "a tab in the request line", Raw("POST\t/v1/reports HTTP/1.1\r\n" + Host + "Content-Length: 2\r\n\r\n{}"), BadRequest);
        yield return Case("framing", "no Host header", Raw(Line + "Connection: close\r\nContent-Type: application/json\r\n" + $"Content-Length: {body.Length}\r\n\r\n" + report), BadRequest);
        yield return Case("framing", "two Host headers", Raw(Line + Host + "Host: example.org\r\n" + $"Content-Length: {body.Length}\r\n\r\n" + report), BadRequest);
        // Bare LF line ends are allowed (RFC 9112, 2.2); with bare CRs the request line never ends, so it is sent
        // alongside the slow requests and cut off by the same header timeout.
        var bareCr = Raw(Line.Replace("\r\n", "\r", StringComparison.Ordinal) + Host.Replace("\r\n", "\r", StringComparison.Ordinal) + $"Content-Length: {body.Length}\r\r" + report);
        yield return new BadInputCase("framing", "bare CR line endings", bareCr, TimedOut) { SendAtOnce = bareCr.Length, Trickle = Timeout.InfiniteTimeSpan, Within = TimeSpan.FromSeconds(50) };
        yield return Case("framing", "a 40 KiB header", Raw(Line + Host + "X-Padding: " + new string('a', 40 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}"), [431]);
        yield return Case("framing", "150 headers", Raw(Line + Host + string.Concat(Enumerable.Range(0, 150).Select(i => $"X-H{i}: {i}\r\n")) + "Content-Length: 2\r\n\r\n{}"), [431]);
        yield return Case("framing", "a 10 KiB request target", Raw("POST /v1/reports?" + new string('a', 10 * 1024) + " HTTP/1.1\r\n" + Host + "Content-Length: 2\r\n\r\n{}"), [414]);
        yield return Case("framing", "binary garbage instead of a request", [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03, 0x0D, 0x0A, 0x0D, 0x0A], BadRequest);
    }

    private static IEnumerable<BadInputCase> MethodsAndPaths()
    {
        var report = Utf8(ReportBodies.Valid(ReportBodies.NewNonce()));
        foreach (var method in new[] { "GET", "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            yield return Case("method or path", $"{method} /v1/reports", Request(report, method: method), [405]);
        }

        foreach (var path in new[] { "/v1/reports/extra", "/v1/report", "/v2/reports", "/v1/reports/..%2f..%2fetc%2fpasswd" })
        {
            yield return Case("method or path", $"POST {path}", Request(report, path: path), [404]);
        }
    }

    // Kestrel's defaults: 30 s for the request headers, and a body must arrive at 240 bytes/s after a 5 s grace.
    private static IEnumerable<BadInputCase> Slow()
    {
        byte[] Fresh() => Request(ReportBodies.Valid(ReportBodies.NewNonce()));
        var headersEnd = IndexOf(Fresh(), Utf8("\r\n\r\n")) + 4;
        var second = TimeSpan.FromSeconds(1);
        yield return new BadInputCase("slow", "the request line trickled, one byte a second", Fresh(), TimedOut) { SendAtOnce = 0, Trickle = second, Within = TimeSpan.FromSeconds(50) };
        yield return new BadInputCase("slow", "the headers trickled, one byte a second (slowloris)", Fresh(), TimedOut) { SendAtOnce = 30, Trickle = second, Within = TimeSpan.FromSeconds(50) };
        yield return new BadInputCase("slow", "the headers stalled halfway", Fresh(), TimedOut) { SendAtOnce = headersEnd / 2, Trickle = Timeout.InfiniteTimeSpan, Within = TimeSpan.FromSeconds(50) };
        yield return new BadInputCase("slow", "the body trickled, one byte a second", Fresh(), TimedOut) { SendAtOnce = headersEnd, Trickle = second, Within = TimeSpan.FromSeconds(30) };
        yield return new BadInputCase("slow", "the body stalled after 10 bytes", Fresh(), TimedOut) { SendAtOnce = headersEnd + 10, Trickle = Timeout.InfiniteTimeSpan, Within = TimeSpan.FromSeconds(30) };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private static string Printable(string text) =>
        string.Concat(text.Select(c => c < ' ' ? $"\\x{(int)c:X2}" : c.ToString()));
}
