using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CsCheck;
using Pinger.Plugins.Sdk;

namespace Pinger.Properties.Tests.Infrastructure;

/// <summary>One field value of a report.</summary>
internal sealed record ReportValue(string Probe, string Field, object Value);

/// <summary>
/// A valid report as the model sees it: what it declares (level, age, windows, values) and therefore exactly what the
/// server must add when it counts it.
/// </summary>
internal sealed record ReportModel(string Level, int Age, IReadOnlyList<(string Kind, string Start)> Windows, IReadOnlyList<ReportValue> Values)
{
    /// <summary>The windows open on Friday 2026-11-27 (the server's fixed clock): the current and the previous one.</summary>
    private static readonly (string Kind, string Current, string Previous)[] OpenWindows =
        [("day", "2026-11-27", "2026-11-26"), ("week", "2026-11-23", "2026-11-16"), ("month", "2026-11-01", "2026-10-01")];

    /// <summary>Valid reports: any level and age, 1 to 3 windows each current or previous, any subset of the fields the level allows.</summary>
    public static Gen<ReportModel> Valid { get; } = Build();

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string ToJson(string nonce)
    {
        var probes = new JsonObject();
        foreach (var value in Values)
        {
            if (probes[value.Probe] is not JsonObject fields)
            {
                probes[value.Probe] = fields = new JsonObject();
            }

            fields[value.Field] = value.Value switch
            {
                string[] items => new JsonArray(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()),
                string text => JsonValue.Create(text),
                long number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                _ => throw new InvalidOperationException(value.Value.GetType().Name),
            };
        }

        var windows = new JsonObject();
        foreach (var (kind, start) in Windows)
        {
            windows[kind] = start;
        }

        return new JsonObject
        {
            ["age"] = Age,
            ["level"] = Level,
            ["nonce"] = nonce,
            ["probes"] = probes,
            ["schema"] = 1,
            ["windows"] = windows,
        }.ToJsonString();
    }

    /// <summary>
    /// What counting this report adds: one report in each window, each value (each distinct list item) once in each
    /// window, and the countme tuple once in each window.
    /// </summary>
    public IReadOnlyDictionary<string, long> Increments()
    {
        var texts = Values.SelectMany(v => Texts(v.Value).Select(t => (Field: $"{v.Probe}.{v.Field}", Text: t))).ToList();
        string Get(string field) => texts.FirstOrDefault(t => t.Field == field).Text ?? string.Empty;
        var system = string.Join('|', Get("os-versions.id"), Get("os-versions.version_id"), Get("os-versions.variant_id"),
            Get("os-versions.machine"), Age.ToString(CultureInfo.InvariantCulture), Get("platform.id"));
        var increments = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, start) in Windows)
        {
            var window = $"{kind} {start}";
            increments[Counters.ReportsKey(window)] = 1;
            increments[Counters.SystemKey(window, system)] = 1;
            foreach (var (field, text) in texts)
            {
                increments[Counters.FieldKey(window, field, text)] = 1;
            }
        }

        return increments;
    }

    private static IEnumerable<string> Texts(object value) => value switch
    {
        string[] items => items.Distinct(StringComparer.Ordinal),
        long number => [number.ToString(CultureInfo.InvariantCulture)],
        bool flag => [flag ? "true" : "false"],
        _ => [(string)value],
    };

    private static Gen<ReportModel> Build()
    {
        // Per field: absent, or a value.
        var fields = PropertyRegistry.Probes.SelectMany(p => p.Fields.Select(f => (Probe: p, Field: f))).ToArray();
        Gen<IReadOnlyList<ReportValue>> values = Gen.Const<IReadOnlyList<ReportValue>>([]);
        foreach (var (probe, field) in fields)
        {
            var one = Gen.Select(Gen.Int[0, 2], PropertyRegistry.ValueOf(field), (present, value) => present > 0 ? value : null);
            values = Gen.Select(values, one, (list, value) => value is null ? list : (IReadOnlyList<ReportValue>)[.. list, new ReportValue(probe.Id, field.Name, value)]);
        }

        // Per window kind: absent, current or previous; at least one.
        var windows = Gen.Int[0, 2].Array[3, 3].Select(choices =>
        {
            var chosen = OpenWindows.Zip(choices).Where(p => p.Second > 0).Select(p => (p.First.Kind, p.Second == 1 ? p.First.Current : p.First.Previous)).ToList();
            return (IReadOnlyList<(string, string)>)(chosen.Count > 0 ? chosen : [("day", "2026-11-27")]);
        });

        return Gen.Select(Gen.Bool, Gen.Int[1, 4], windows, values, (full, age, w, v) =>
        {
            var level = full ? MetricsLevel.Full : MetricsLevel.Minimal;
            var allowed = v.Where(x => PropertyRegistry.Probes.Single(p => p.Id == x.Probe).Fields.Single(f => f.Name == x.Field).Level <= level).ToList();
            return new ReportModel(full ? "full" : "minimal", age, w, allowed);
        });
    }
}
