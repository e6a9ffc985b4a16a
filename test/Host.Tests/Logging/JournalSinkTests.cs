using System.Net.Sockets;
using System.Text;
using Pinger.Host.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Pinger.Host.Tests.Logging;

/// <summary>The native journal protocol, against a real Unix datagram socket standing in for journald.</summary>
[TestClass]
public sealed class JournalSinkTests
{
    [TestMethod]
    public void An_event_arrives_with_priority_identifier_message_and_the_probe_id_as_fields()
    {
        var directory = Directory.CreateTempSubdirectory("pinger-journal-").FullName;
        var socketPath = Path.Combine(directory, "socket");
        try
        {
            using var journal = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            journal.Bind(new UnixDomainSocketEndPoint(socketPath));
            var fallback = new CollectingSink();
            using var sink = new JournalSink(socketPath, fallback);

            sink.Emit(Event(LogEventLevel.Warning, "probe {ProbeId}: {Problem}", ("ProbeId", "platform"), ("Problem", "line one\nline two")));

            var buffer = new byte[65536];
            var length = journal.Receive(buffer);
            var datagram = Encoding.UTF8.GetString(buffer, 0, length);
            StringAssert.Contains(datagram, "PRIORITY=4\n");
            StringAssert.Contains(datagram, "SYSLOG_IDENTIFIER=pinger\n");
            StringAssert.Contains(datagram, "PINGER_PROBEID=platform\n");
            StringAssert.Contains(datagram, "MESSAGE\n", "a multi-line message uses the length-prefixed form");
            StringAssert.Contains(datagram, "probe \"platform\": \"line one\nline two\"");
            Assert.IsEmpty(fallback.Events);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void When_the_journal_is_gone_events_go_to_the_fallback()
    {
        var fallback = new CollectingSink();
        using var sink = new JournalSink("/nonexistent/journal/socket", fallback);

        sink.Emit(Event(LogEventLevel.Error, "plain"));

        Assert.HasCount(1, fallback.Events);
    }

    [TestMethod]
    [DataRow(LogEventLevel.Fatal, 2)]
    [DataRow(LogEventLevel.Error, 3)]
    [DataRow(LogEventLevel.Warning, 4)]
    [DataRow(LogEventLevel.Information, 6)]
    [DataRow(LogEventLevel.Debug, 7)]
    public void Levels_map_to_syslog_priorities(LogEventLevel level, int priority) =>
        Assert.AreEqual(priority, JournalSink.Priority(level));

    private static LogEvent Event(LogEventLevel level, string template, params (string Name, string Value)[] properties) =>
        new(DateTimeOffset.UnixEpoch, level, null, new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));

    private sealed class CollectingSink : Serilog.Core.ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
