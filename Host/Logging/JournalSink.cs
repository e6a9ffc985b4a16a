using System.Net.Sockets;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace Pinger.Host.Logging;

/// <summary>
/// Writes log events to the systemd journal over its native socket protocol, so that priorities and
/// structured properties (the probe id, for one) arrive as journal fields. Events that cannot be sent
/// go to <paramref name="fallback"/>.
/// </summary>
public sealed class JournalSink(string socketPath, ILogEventSink fallback) : ILogEventSink, IDisposable
{
    /// <summary>The journal's socket on a live systemd machine.</summary>
    public const string DefaultSocketPath = "/run/systemd/journal/socket";

    private const int MaxMessageBytes = 48 * 1024;
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endPoint = new(socketPath);

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        try
        {
            _socket.SendTo(Encode(logEvent), _endPoint);
        }
        catch (SocketException)
        {
            fallback.Emit(logEvent);
        }
    }

    /// <summary>The datagram for <paramref name="logEvent"/>: one FIELD=value line each, binary-safe for multi-line values.</summary>
    public static byte[] Encode(LogEvent logEvent)
    {
        using var datagram = new MemoryStream();
        var message = logEvent.RenderMessage();
        if (logEvent.Exception is not null)
        {
            message += "\n" + logEvent.Exception;
        }

        if (message.Length > MaxMessageBytes)
        {
            message = message[..MaxMessageBytes];
        }

        WriteField(datagram, "MESSAGE", message);
        WriteField(datagram, "PRIORITY", LogPriority.Of(logEvent).ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteField(datagram, "SYSLOG_IDENTIFIER", "pinger");
        foreach (var (name, value) in logEvent.Properties)
        {
            if (name != LogPriority.PropertyName && value is ScalarValue { Value: var scalar } && JournalFieldName(name) is { } field)
            {
                WriteField(datagram, field, Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return datagram.ToArray();
    }

    /// <summary>The syslog priority journald expects for a Serilog level.</summary>
    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    // Journal field names are upper case letters, digits and underscores, not starting with an underscore.
    private static string? JournalFieldName(string property)
    {
        var name = "PINGER_" + new string(property.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
        return name.Length <= 64 ? name : null;
    }

    private static void WriteField(Stream stream, string name, string value)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        var valueBytes = Encoding.UTF8.GetBytes(value);
        stream.Write(nameBytes);
        if (value.Contains('\n'))
        {
            // Binary form: name, newline, 64-bit little-endian length, value, newline.
            stream.WriteByte((byte)'\n');
            Span<byte> length = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)valueBytes.Length);
            stream.Write(length);
        }
        else
        {
            stream.WriteByte((byte)'=');
        }

        stream.Write(valueBytes);
        stream.WriteByte((byte)'\n');
    }
}
