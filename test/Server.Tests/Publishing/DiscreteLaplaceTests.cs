using Pinger.Server.Publishing;

namespace Pinger.Server.Tests.Publishing;

/// <summary>
/// The sampler against the closed forms of the discrete Laplace distribution, P(X = x) = (1 − p)/(1 + p)·p^|x| with
/// p = e^(−1/t), over many draws from the real cryptographic source. Every tolerance is six standard errors of the
/// estimate at that number of draws, so a correct sampler fails about once in a billion runs, and a sampler off by
/// a few percent fails every time.
/// </summary>
[TestClass]
public sealed class DiscreteLaplaceTests
{
    private const int Draws = 200_000;

    private static long[] Sample(Rational scale, int draws)
    {
        var noise = new DiscreteLaplace(new CryptographicUniform());
        return Enumerable.Range(0, draws).Select(_ => noise.Sample(scale)).ToArray();
    }

    [TestMethod]
    [DataRow(2L, 1L)]
    [DataRow(10L, 3L)]
    public void Mean_variance_and_tails_match_the_distribution(long numerator, long denominator)
    {
        var scale = new Rational(numerator, denominator);
        var t = scale.ToDouble();
        var p = Math.Exp(-1 / t);
        var variance = 2 * p / ((1 - p) * (1 - p));

        var draws = Sample(scale, Draws);
        var mean = draws.Average(x => (double)x);
        var squares = draws.Select(x => (double)x * x).ToArray();
        var meanSquare = squares.Average();
        var fourth = squares.Average(s => s * s);

        Assert.AreEqual(0, mean, 6 * Math.Sqrt(variance / Draws), "mean");
        Assert.AreEqual(variance, meanSquare, 6 * Math.Sqrt((fourth - (meanSquare * meanSquare)) / Draws), "variance");
        foreach (var k in new[] { 1, 3, (int)Math.Ceiling(3 * t), (int)Math.Ceiling(6 * t) })
        {
            var expected = 2 * Math.Pow(p, k) / (1 + p);
            var observed = draws.Count(x => Math.Abs(x) >= k) / (double)Draws;
            Assert.AreEqual(expected, observed, 6 * Math.Sqrt(expected * (1 - expected) / Draws) + (1.0 / Draws), $"P(|X| >= {k})");
        }

        Assert.AreEqual(draws.Count(x => x > 0), draws.Count(x => x < 0), 6 * Math.Sqrt(Draws), "both signs equally often");
    }

    [TestMethod]
    [DataRow(3L, 2L)]
    [DataRow(1L, 7L)]
    public void Coins_of_exp_minus_gamma_come_up_at_their_exact_odds(long numerator, long denominator)
    {
        var coins = new ExactBernoulli(new CryptographicUniform());
        var expected = Math.Exp(-(double)numerator / denominator);

        var heads = Enumerable.Range(0, Draws).Count(_ => coins.WithProbabilityExpMinus(new Rational(numerator, denominator)));

        Assert.AreEqual(expected, heads / (double)Draws, 6 * Math.Sqrt(expected * (1 - expected) / Draws));
    }

    [TestMethod]
    public void Uniform_integers_cover_the_range_evenly()
    {
        var uniform = new CryptographicUniform();
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[(int)uniform.Below(7)]++;
        }

        foreach (var count in counts)
        {
            Assert.AreEqual(10_000, count, 6 * Math.Sqrt(70_000 * (1 / 7.0) * (6 / 7.0)));
        }
    }

    [TestMethod]
    public void A_cell_one_machine_put_there_clears_the_threshold_at_most_delta_of_the_time()
    {
        var scale = DiscreteLaplace.ScaleFor(new Rational(1, 4), 1);
        var threshold = DiscreteLaplace.Threshold(scale, 1e-7);
        var p = Math.Exp(-1 / scale.ToDouble());

        Assert.AreEqual(new Rational(4, 1), scale);
        Assert.IsLessThanOrEqualTo(1e-7, Math.Pow(p, threshold - 1) / (1 + p), "P(1 + X >= threshold)");
    }

    [TestMethod]
    public void Epsilon_is_read_as_an_exact_fraction()
    {
        Assert.AreEqual(new Rational(1, 1), Rational.Of(1.0m));
        Assert.AreEqual(new Rational(5, 4), Rational.Of(1.25m));
        Assert.AreEqual(new Rational(1, 40), Rational.Of(0.1m) * new Rational(1, 4));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PrivacyBudget(0m, 1e-7, 1));
    }
}
