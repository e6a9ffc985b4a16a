using Pinger.Core.Reporting;
using Pinger.Host.State;
using Pinger.Host.Tests.EndToEnd;
using Pinger.Protocol.Windows;

namespace Pinger.Host.Tests.State;

[TestClass]
public sealed class StateStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z");

    [TestMethod]
    public void A_saved_state_reads_back_the_same()
    {
        using var directory = new TempDirectory();
        var store = new StateStore(directory.Path);
        var state = PingerState.Empty.WithCounted(CountingCalendar.AllContaining(Now)) with
        {
            Pending = new PendingReport("AAAAAAAAAAAAAAAAAAAAAA", [new CountingWindow(WindowKind.Day, new(2026, 11, 27))]),
        };

        store.Save(state);
        var loaded = store.Load(Now);

        Assert.IsNull(loaded.Problem);
        CollectionAssert.AreEquivalent(state.Counted.ToArray(), loaded.State.Counted.ToArray());
        Assert.AreEqual(new DateOnly(2026, 11, 23), loaded.State.FirstCountedWeek);
        Assert.AreEqual("AAAAAAAAAAAAAAAAAAAAAA", loaded.State.Pending!.Nonce);
        Assert.IsFalse(File.Exists(store.FilePath + ".tmp"), "the temporary file is renamed over the state file");
    }

    [TestMethod]
    public void The_fields_seen_and_when_each_may_be_sent_read_back_the_same()
    {
        using var directory = new TempDirectory();
        var store = new StateStore(directory.Path);
        var fields = new FieldsSeen(Pinger.Plugins.Sdk.MetricsLevel.Full, new Dictionary<string, DateTimeOffset>
        {
            ["os-versions.machine"] = Now,
            ["network.wifi_interfaces"] = Now.AddDays(7),
        });

        store.Save(PingerState.Empty with { Fields = fields });
        var loaded = store.Load(Now).State.Fields!;

        Assert.AreEqual(Pinger.Plugins.Sdk.MetricsLevel.Full, loaded.Level);
        CollectionAssert.AreEquivalent(fields.SendableFrom.ToArray(), loaded.SendableFrom.ToArray());
        Assert.IsNull(PingerState.Empty.WithCounted(CountingCalendar.AllContaining(Now)).Fields, "a state from before fields were recorded has none");
        Assert.AreSame(fields, (PingerState.Empty with { Fields = fields }).WithCounted(CountingCalendar.AllContaining(Now)).Fields, "counting keeps them");
    }

    [TestMethod]
    public void No_state_file_means_a_machine_that_never_reported()
    {
        using var directory = new TempDirectory();

        var loaded = new StateStore(directory.Path).Load(Now);

        Assert.IsNull(loaded.Problem);
        Assert.IsEmpty(loaded.State.Counted);
    }

    [TestMethod]
    [DataRow("not json at all")]
    [DataRow("{\"version\": 1, \"counted\": {\"fortnight\": \"2026-11-23\"}}")]
    [DataRow("{\"version\": 1, \"counted\": {\"week\": \"23/11/2026\"}}")]
    [DataRow("{\"version\": 7}")]
    [DataRow("{\"version\": 1, \"counted\": {}, \"pending\": {\"nonce\": \"short\", \"windows\": {}}}")]
    public void A_corrupt_state_file_is_replaced_and_the_current_windows_count_as_done(string content)
    {
        using var directory = new TempDirectory();
        directory.Write("state.json", content);

        var loaded = new StateStore(directory.Path).Load(Now);

        StringAssert.Contains(loaded.Problem, "is corrupt");
        Assert.IsEmpty(DueWindows.At(Now, loaded.State.Counted), "a corrupt file must never lead to a second count in this window");
    }

    [TestMethod]
    public void A_future_dated_state_file_is_replaced_without_counting_twice()
    {
        using var directory = new TempDirectory();
        directory.Write("state.json", "{\"version\": 1, \"counted\": {\"day\": \"2027-03-01\", \"week\": \"2027-03-01\", \"month\": \"2027-03-01\"}}");

        var loaded = new StateStore(directory.Path).Load(Now);

        StringAssert.Contains(loaded.Problem, "after the current one");
        Assert.IsEmpty(DueWindows.At(Now, loaded.State.Counted));
        Assert.AreEqual(new DateOnly(2026, 11, 27), loaded.State.Counted[WindowKind.Day]);
    }

    [TestMethod]
    public void Saving_into_a_directory_that_cannot_be_created_throws_an_IO_error()
    {
        using var directory = new TempDirectory();
        var blocker = directory.Write("not-a-directory", "a file where the state directory should be");

        Assert.Throws<IOException>(() => new StateStore(Path.Combine(blocker, "state")).Save(PingerState.Empty));
    }
}
