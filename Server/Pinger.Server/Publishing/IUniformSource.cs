using System.Numerics;

namespace Pinger.Server.Publishing;

/// <summary>Uniform integers: the only randomness the noise sampler consumes.</summary>
public interface IUniformSource
{
    /// <summary>An integer drawn uniformly from 0 to <paramref name="bound"/> − 1; <paramref name="bound"/> is positive.</summary>
    BigInteger Below(BigInteger bound);
}
