using Pinger.Host.Delivery;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// docs/reporting.md: each attempt is limited to 15 s and connecting to 5 s, inside the run's budget. The limits are
/// set small here and the budget far beyond the test's own hang guard, so only the per-attempt limits can end these
/// attempts.
/// </summary>
[TestClass]
public sealed class AttemptLimitsTests
{
    private static readonly TimeSpan FarBudget = TimeSpan.FromHours(1);

    [TestMethod]
    public void The_shipped_limits_are_15_s_an_attempt_and_5_s_to_connect()
    {
        var settings = new DeliverySettings(new Uri("http://127.0.0.1/"), TimeSpan.FromSeconds(60), Proxy: null);

        Assert.AreEqual(TimeSpan.FromSeconds(15), settings.AttemptTimeout);
        Assert.AreEqual(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.AreEqual(3, settings.MaxAttempts);
    }

    [TestMethod]
    public async Task An_attempt_the_server_never_answers_ends_at_the_attempt_limit_and_the_next_one_is_made()
    {
        using var hole = new BlackHole();
        var settings = new DeliverySettings(hole.Url, FarBudget, Proxy: null)
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(300),
            FirstBackoff = TimeSpan.FromMilliseconds(10),
            MaxAttempts = 2,
        };
        using var sender = new ReportSender(settings, TimeProvider.System);

        var outcome = await sender.SendAsync("{}"u8.ToArray(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.AreEqual(DeliveryResult.Deferred, outcome.Result);
        Assert.AreEqual("no answer within the attempt timeout", outcome.Answer);
        Assert.AreEqual(2, outcome.Attempts, "the first attempt ended at its own limit, so there was a second");
    }

    [TestMethod]
    public async Task A_connection_that_is_never_accepted_ends_at_the_connect_limit_before_the_attempt_limit()
    {
        using var server = new UnacceptedConnections();
        var settings = new DeliverySettings(server.Url, FarBudget, Proxy: null)
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(300),
            AttemptTimeout = FarBudget,
            MaxAttempts = 1,
        };
        using var sender = new ReportSender(settings, TimeProvider.System);

        var outcome = await sender.SendAsync("{}"u8.ToArray(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.AreEqual(DeliveryResult.Deferred, outcome.Result);
        Assert.AreEqual(1, outcome.Attempts);
        Assert.AreEqual("no connection within the connect timeout", outcome.Answer, "connecting was given up at its own limit");
    }
}
