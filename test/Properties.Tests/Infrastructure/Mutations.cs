using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Pinger.Properties.Tests.Infrastructure;

/// <summary>Ways to break a valid report: in its bytes, and in its JSON structure.</summary>
internal static class Mutations
{
    private const string Hole = "\u0001hole\u0001";

    /// <summary>Raw JSON texts put where a value was: odd numbers, odd strings, deep nesting, wrong types.</summary>
    private static readonly Gen<string> OddValue = Gen.OneOf(
        Gen.OneOf("null", "true", "[]", "{}", "0", "-0", "1e400", "-1e400", "1.5", "9223372036854775808", "-9223372036854775809",
            "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"2026-02-30\"", "\"AAAAAAAAAAAAAAAAAAAAAA\"", "[\"avx\",1]", "{\"\":{}}"),
        Gen.Int[1, 40].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[1, 300].Select(length => "\"" + new string('x', length) + "\""),
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// <paramref name="json"/> with one to three changes: a byte flipped, inserted or removed, a cut, a member removed,
    /// renamed, duplicated or given an odd value.
    /// </summary>
    public static Gen<byte[]> Of(string json) =>
        Gen.Frequency((1, Bytes(Encoding.UTF8.GetBytes(json))), (2, Structure(json)));

    private static Gen<byte[]> Bytes(byte[] body) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, body.Length - 1], Gen.Byte).Array[1, 3].Select(changes =>
        {
            var bytes = body.ToList();
            foreach (var (op, at, value) in changes)
            {
                var index = Math.Min(at, Math.Max(bytes.Count - 1, 0));
                switch (op)
                {
                    case 0 when bytes.Count > 0:
                        bytes[index] = value;
                        break;
                    case 1:
                        bytes.Insert(index, value);
                        break;
                    case 2 when bytes.Count > 0:
                        bytes.RemoveAt(index);
                        break;
                    default:
                        bytes.RemoveRange(index, bytes.Count - index);
                        break;
                }
            }

            return bytes.ToArray();
        });

    private static Gen<byte[]> Structure(string json) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], OddValue, Gen.String[0, 12]).Array[1, 3].Select(changes =>
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var odd = new List<string>();
            foreach (var (op, pick, value, name) in changes)
            {
                var members = Members(root).ToList();
                var (parent, key) = members[pick % members.Count];
                switch (op)
                {
                    case 0:
                        parent.Remove(key);
                        break;
                    case 1:
                        var moved = parent[key];
                        parent.Remove(key);
                        parent[name] = moved;
                        break;
                    case 2:
                        parent[key] = Hole + odd.Count + Hole;
                        odd.Add(value);
                        break;
                    default:
                        // A member given twice: only the text can say that.
                        parent[key] = Hole + odd.Count + Hole;
                        odd.Add($"{value}, \"{key}\": {value}");
                        break;
                }
            }

            var text = root.ToJsonString();
            for (var i = 0; i < odd.Count; i++)
            {
                text = text.Replace($"\"{JsonEncodedHole(i)}\"", odd[i], StringComparison.Ordinal);
            }

            return Encoding.UTF8.GetBytes(text);
        });

    private static string JsonEncodedHole(int i) => (Hole + i + Hole).Replace("\u0001", "\\u0001", StringComparison.Ordinal);

    private static IEnumerable<(JsonObject Parent, string Key)> Members(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
        {
            yield return (node, key);
            if (value is JsonObject child)
            {
                foreach (var member in Members(child))
                {
                    yield return member;
                }
            }
        }
    }
}
