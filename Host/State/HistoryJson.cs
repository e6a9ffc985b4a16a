using System.Text.Json.Serialization;

namespace Pinger.Host.State;

/// <summary>
/// Source-generated JSON for history entries: reflection-based serialization would spend ~25 ms of every sending
/// run building its metadata.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HistoryEntry))]
internal sealed partial class HistoryJson : JsonSerializerContext;
