using System.Globalization;
using System.Numerics;

namespace Pinger.Server.Publishing;

/// <summary>
/// A positive fraction held exactly, so that the noise parameters (ε, its shares, the Laplace scale) never pass
/// through floating point on the way to the sampler.
/// </summary>
public readonly record struct Rational
{
    /// <summary>The fraction <paramref name="numerator"/>/<paramref name="denominator"/>, reduced.</summary>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.Sign < 0 || denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "a rational here is non-negative with a positive denominator");
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (Numerator, Denominator) = divisor.IsZero ? (numerator, denominator) : (numerator / divisor, denominator / divisor);
    }

    /// <summary>The numerator.</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, positive.</summary>
    public BigInteger Denominator { get; }

    /// <summary>The decimal <paramref name="value"/> exactly (1.25 is 5/4).</summary>
    public static Rational Of(decimal value)
    {
        var scale = (value.Scale);
        var digits = decimal.Truncate(value * Pow10(scale));
        return new Rational(new BigInteger(digits), BigInteger.Pow(10, scale));
    }

    /// <summary>The product.</summary>
    public static Rational operator *(Rational left, Rational right) =>
        new(left.Numerator * right.Numerator, left.Denominator * right.Denominator);

    /// <summary>The quotient.</summary>
    public static Rational operator /(Rational left, Rational right) =>
        new(left.Numerator * right.Denominator, left.Denominator * right.Numerator);

    /// <summary>The sum.</summary>
    public static Rational operator +(Rational left, Rational right) =>
        new((left.Numerator * right.Denominator) + (right.Numerator * left.Denominator), left.Denominator * right.Denominator);

    /// <summary>The value as a double, for reports and thresholds only, never for sampling.</summary>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <inheritdoc/>
    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    private static decimal Pow10(int power)
    {
        var result = 1m;
        for (var i = 0; i < power; i++)
        {
            result *= 10;
        }

        return result;
    }
}
