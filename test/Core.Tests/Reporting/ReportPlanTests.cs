using Pinger.Core.Reporting;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;

namespace Pinger.Core.Tests.Reporting;

[TestClass]
public sealed class ReportPlanTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:00Z");

    [TestMethod]
    public void A_new_machine_reports_for_every_window_with_a_fresh_nonce()
    {
        var plan = ReportPlan.For(PingerState.Empty, Now, epoch: Now.AddDays(-400));

        Assert.IsTrue(plan.IsDueNow);
        Assert.HasCount(3, plan.Windows);
        Assert.AreEqual(4, plan.Age);
        Assert.IsTrue(ReportNonce.IsWellFormed(plan.Nonce));
    }

    [TestMethod]
    public void A_retry_for_the_same_windows_reuses_the_pending_nonce_and_other_windows_get_a_new_one()
    {
        var windows = CountingCalendar.AllContaining(Now);
        var pending = PingerState.Empty with { Pending = new PendingReport("pendingpendingpending0", windows) };

        var retry = ReportPlan.For(pending, Now, null);
        var nextDay = ReportPlan.For(pending, Now.AddDays(1), null);

        Assert.AreEqual("pendingpendingpending0", retry.Nonce);
        Assert.AreNotEqual("pendingpendingpending0", nextDay.Nonce);
    }

    [TestMethod]
    public void Two_plans_never_share_a_nonce()
    {
        var nonces = Enumerable.Range(0, 1000).Select(_ => ReportPlan.For(PingerState.Empty, Now, null).Nonce).ToHashSet();

        Assert.HasCount(1000, nonces);
    }

    [TestMethod]
    public void When_everything_is_counted_the_plan_describes_the_first_report_of_the_next_day()
    {
        var counted = PingerState.Empty.WithCounted(CountingCalendar.AllContaining(Now));

        var plan = ReportPlan.For(counted, Now, null);

        Assert.IsFalse(plan.IsDueNow);
        CollectionAssert.AreEqual(new[] { new CountingWindow(WindowKind.Day, new(2026, 11, 28)) }, plan.Windows.ToArray());
    }

    [TestMethod]
    public void Without_a_machine_id_epoch_the_first_counted_week_gives_the_age()
    {
        var state = PingerState.Empty with { FirstCountedWeek = new DateOnly(2026, 10, 12) };

        var plan = ReportPlan.For(state, Now, epoch: null);

        Assert.AreEqual(3, plan.Age); // 6 weeks between Monday 2026-10-12 and Monday 2026-11-23
    }
}
