using Pinger.Core.Windows;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Windows;

namespace Pinger.Core.Tests.Windows;

/// <summary>libdnf's age buckets: boundaries at 2, 5 and 25 whole weeks between the epoch's week and now's.</summary>
[TestClass]
public sealed class AgeBucketTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z"); // week of Monday 2026-11-23

    [TestMethod]
    [DataRow("2026-11-23T00:00:00Z", 1)] // same week
    [DataRow("2026-11-16T00:00:00Z", 1)] // one week earlier: step 1
    [DataRow("2026-11-15T23:59:59Z", 2)] // the Sunday before: step 2
    [DataRow("2026-10-26T00:00:00Z", 2)] // step 4
    [DataRow("2026-10-25T23:59:59Z", 3)] // step 5
    [DataRow("2026-06-08T00:00:00Z", 3)] // step 24
    [DataRow("2026-06-07T23:59:59Z", 4)] // step 25
    [DataRow("2014-01-01T00:00:00Z", 4)]
    public void The_bucket_follows_whole_weeks_between_windows(string epoch, int bucket) =>
        Assert.AreEqual(bucket, AgeBucket.Compute(DateTimeOffset.Parse(epoch), Now));

    [TestMethod]
    public void An_epoch_in_the_future_counts_as_now() =>
        Assert.AreEqual(1, AgeBucket.Compute(Now.AddYears(3), Now));

    [TestMethod]
    public void The_epoch_is_the_modification_time_of_the_machine_id()
    {
        using var machine = new TempMachine().Write(SystemEpoch.MachineIdPath, "0123456789abcdef0123456789abcdef\n");
        var mtime = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(machine.HostPath(SystemEpoch.MachineIdPath), mtime);

        Assert.AreEqual(new DateTimeOffset(mtime), SystemEpoch.From(new RootedMachineFiles(machine.Root)));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("\n")]
    [DataRow("uninitialized\n")]
    public void A_missing_empty_or_uninitialized_machine_id_gives_no_epoch(string? content)
    {
        using var machine = new TempMachine();
        if (content is not null)
        {
            machine.Write(SystemEpoch.MachineIdPath, content);
        }

        Assert.IsNull(SystemEpoch.From(new RootedMachineFiles(machine.Root)));
    }
}
