using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>Report bodies as the client sends them, for the fixed clock's windows.</summary>
internal static class ReportJson
{
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A valid minimal report; <paramref name="change"/> edits it before it is written.</summary>
    public static string Minimal(string? nonce = null, string version = "41", string platform = "aws", Action<JsonObject>? change = null)
    {
        var report = new JsonObject
        {
            ["age"] = 3,
            ["level"] = "minimal",
            ["nonce"] = nonce ?? NewNonce(),
            ["probes"] = new JsonObject
            {
                ["os-versions"] = new JsonObject
                {
                    ["machine"] = "x86_64", ["id"] = "fedora", ["variant_id"] = "coreos", ["version_id"] = version, ["version"] = version + ".20241109.3.0",
                },
                ["platform"] = new JsonObject { ["id"] = platform, ["source"] = "ignition" },
            },
            ["schema"] = 1,
            ["windows"] = new JsonObject { ["day"] = "2026-11-27", ["month"] = "2026-11-01", ["week"] = "2026-11-23" },
        };
        change?.Invoke(report);
        return report.ToJsonString();
    }

    /// <summary>A valid full-level report with the hardware probe.</summary>
    public static string Full(string? nonce = null) => Minimal(nonce, change: r =>
    {
        r["level"] = "full";
        r["probes"]!["hardware"] = new JsonObject { ["cpus"] = 4, ["tpm"] = true, ["features"] = new JsonArray("avx", "aes") };
    });
}
