using System.Numerics;

namespace Pinger.Server.Publishing;

/// <summary>
/// Coins with exactly rational or exp(−rational) odds, from uniform integers only (Canonne, Kamath and Steinke,
/// "The Discrete Gaussian for Differential Privacy", 2020, algorithms 1 and 2 of section 5). Floating-point
/// probabilities would round, and rounding is what lets an observer tell noisy outputs apart.
/// </summary>
/// <param name="uniform">The randomness.</param>
public sealed class ExactBernoulli(IUniformSource uniform)
{
    /// <summary>True with probability <paramref name="p"/>, which must lie in [0, 1].</summary>
    public bool WithProbability(Rational p)
    {
        if (p.Numerator > p.Denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "a probability is at most 1");
        }

        return uniform.Below(p.Denominator) < p.Numerator;
    }

    /// <summary>True with probability exp(−<paramref name="gamma"/>).</summary>
    public bool WithProbabilityExpMinus(Rational gamma)
    {
        // exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋)): one coin per whole unit, then one for the fraction.
        var whole = BigInteger.Divide(gamma.Numerator, gamma.Denominator);
        for (var i = BigInteger.Zero; i < whole; i++)
        {
            if (!ExpMinusAtMostOne(new Rational(1, 1)))
            {
                return false;
            }
        }

        return ExpMinusAtMostOne(new Rational(gamma.Numerator - (whole * gamma.Denominator), gamma.Denominator));
    }

    // For γ in [0, 1]: count how long coins of odds γ/1, γ/2, γ/3 … keep coming up; an odd count has probability exp(−γ).
    private bool ExpMinusAtMostOne(Rational gamma)
    {
        var k = BigInteger.One;
        while (WithProbability(new Rational(gamma.Numerator, gamma.Denominator * k)))
        {
            k++;
        }

        return !k.IsEven;
    }
}
