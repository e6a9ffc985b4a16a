using System.Numerics;

namespace Pinger.Server.Publishing;

/// <summary>
/// The discrete Laplace (two-sided geometric) mechanism: P(X = x) ∝ exp(−|x|/t) over the integers, sampled exactly
/// (Canonne, Kamath and Steinke 2020, algorithm 2). Added to a count whose sensitivity is Δ with t = Δ/ε, it gives
/// ε-differential privacy. The one place public noise is drawn.
/// </summary>
/// <param name="uniform">The randomness: <see cref="CryptographicUniform"/> in service.</param>
public sealed class DiscreteLaplace(IUniformSource uniform)
{
    private static readonly Rational One = new(1, 1);

    private readonly ExactBernoulli _coins = new(uniform);

    /// <summary>The scale that gives <paramref name="epsilon"/>-privacy to a count of sensitivity <paramref name="sensitivity"/>.</summary>
    public static Rational ScaleFor(Rational epsilon, int sensitivity) => new Rational(sensitivity, 1) / epsilon;

    /// <summary>One draw of noise with scale <paramref name="scale"/> (t).</summary>
    public long Sample(Rational scale)
    {
        // t = n/d: draw |X|·d + remainder as U + n·V with U uniform below n (accepted with odds exp(−U/n)) and
        // V geometric with odds exp(−1); then |X| = ⌊(U + n·V)/d⌋, and a sign, counting zero once.
        var (n, d) = (scale.Numerator, scale.Denominator);
        while (true)
        {
            var u = uniform.Below(n);
            if (!_coins.WithProbabilityExpMinus(new Rational(u, n)))
            {
                continue;
            }

            var v = BigInteger.Zero;
            while (_coins.WithProbabilityExpMinus(One))
            {
                v++;
            }

            var magnitude = (u + (n * v)) / d;
            var negative = _coins.WithProbability(new Rational(1, 2));
            if (negative && magnitude.IsZero)
            {
                continue;
            }

            return (long)(negative ? -magnitude : magnitude);
        }
    }

    /// <summary>
    /// The smallest noisy count worth showing when a cell's very presence may rest on one machine: a cell that one
    /// machine alone put there (count 1) reaches it with probability at most <paramref name="delta"/>, since
    /// P(X ≥ m) = e^(−m/t)/(1 + e^(−1/t)) ≤ e^(−m/t).
    /// </summary>
    public static long Threshold(Rational scale, double delta) =>
        1 + (long)Math.Ceiling(scale.ToDouble() * Math.Log(1 / delta) * (1 + 1e-9));
}
