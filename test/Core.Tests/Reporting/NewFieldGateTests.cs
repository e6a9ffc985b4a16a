using Pinger.Core.Reporting;
using Pinger.Core.Running;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Reporting;

[TestClass]
public sealed class NewFieldGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static readonly (string, FieldDeclaration) Arch = ("os", FieldDeclaration.OneOf("arch", MetricsLevel.Minimal, "CPU architecture.", ["x86_64"], "fixed set"));

    private static readonly (string, FieldDeclaration) Added = ("extra", FieldDeclaration.Boolean("answer", MetricsLevel.Minimal, "A new answer."));

    [TestMethod]
    public void On_the_first_report_nothing_waits()
    {
        var decision = NewFieldGate.Decide([Arch, Added], MetricsLevel.Minimal, seen: null, Start);

        Assert.IsEmpty(decision.Waiting);
        Assert.IsEmpty(decision.FirstSeen);
        CollectionAssert.AreEquivalent(new[] { "os.arch", "extra.answer" }, decision.Seen.SendableFrom.Keys.ToArray());
    }

    [TestMethod]
    public void A_field_that_appears_later_waits_a_full_week_and_is_first_seen_once()
    {
        var baseline = NewFieldGate.Decide([Arch], MetricsLevel.Minimal, null, Start).Seen;

        var appeared = NewFieldGate.Decide([Arch, Added], MetricsLevel.Minimal, baseline, Start.AddDays(1));
        var nextDay = NewFieldGate.Decide([Arch, Added], MetricsLevel.Minimal, appeared.Seen, Start.AddDays(2));
        var almost = NewFieldGate.Decide([Arch, Added], MetricsLevel.Minimal, nextDay.Seen, Start.AddDays(8).AddSeconds(-1));
        var week = NewFieldGate.Decide([Arch, Added], MetricsLevel.Minimal, almost.Seen, Start.AddDays(8));

        Assert.AreEqual("extra.answer", appeared.FirstSeen.Single().Key);
        Assert.AreEqual(Start.AddDays(8), appeared.Waiting.Single().SendableFrom);
        Assert.IsEmpty(nextDay.FirstSeen);
        Assert.AreEqual("extra.answer", nextDay.Waiting.Single().Key);
        Assert.HasCount(1, almost.Waiting);
        Assert.IsEmpty(week.Waiting);
    }

    [TestMethod]
    public void A_level_the_admin_changes_to_is_a_fresh_start()
    {
        var baseline = NewFieldGate.Decide([Arch], MetricsLevel.Minimal, null, Start).Seen;

        var raised = NewFieldGate.Decide([Arch, Added], MetricsLevel.Full, baseline, Start.AddDays(1));

        Assert.IsEmpty(raised.Waiting);
        Assert.AreEqual(MetricsLevel.Full, raised.Seen.Level);
    }

    [TestMethod]
    public void Withholding_removes_only_the_waiting_fields_values()
    {
        var baseline = NewFieldGate.Decide([Arch], MetricsLevel.Minimal, null, Start).Seen;
        var decision = NewFieldGate.Decide([Arch, Added], MetricsLevel.Minimal, baseline, Start.AddDays(1));
        ProbeRun[] runs =
        [
            new("os", ProbeRunStatus.Collected, new Dictionary<string, FieldValue> { ["arch"] = FieldValue.FromText("x86_64") }, [], TimeSpan.Zero),
            new("extra", ProbeRunStatus.Collected, new Dictionary<string, FieldValue> { ["answer"] = FieldValue.FromBoolean(true) }, [], TimeSpan.Zero),
        ];

        var kept = decision.Withhold(runs);

        CollectionAssert.AreEqual(new[] { "arch" }, kept[0].Values.Keys.ToArray());
        Assert.IsEmpty(kept[1].Values);
    }
}
