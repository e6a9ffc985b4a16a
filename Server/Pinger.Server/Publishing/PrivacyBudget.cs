using Pinger.Server.Registry;

namespace Pinger.Server.Publishing;

/// <summary>
/// How a window's ε is split across its releases. The marginals people read most, and the dashboard's charts read,
/// get the large shares: the OS release and the platform 3/8 each, the age bucket 1/10; the countme-tuple cross-tab,
/// the window's report count and the other declared fields (shared equally) 1/20 each. A field the registry does
/// not declare gets nothing and is never published. The split depends only on ε and the registry, which are
/// public, never on the counts.
/// </summary>
/// <param name="epsilon">The budget of one window (<c>publishing.epsilon</c>).</param>
/// <param name="delta">The chance that a cell one machine alone put there gets through the threshold.</param>
/// <param name="minCount">A floor under every threshold (<c>publishing.min_count</c>); thresholding noisy figures costs no privacy.</param>
public sealed class PrivacyBudget(decimal epsilon, double delta, long minCount)
{
    private readonly Rational _epsilon = epsilon > 0 ? Rational.Of(epsilon) : throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must be positive");

    /// <summary>The release name of the window's report count.</summary>
    public const string ReportsPart = "reports";

    /// <summary>The release name of the countme-tuple cross-tab.</summary>
    public const string SystemsPart = "systems";

    /// <summary>The release name of the age-bucket marginal (the <c>sys_age</c> of the countme tuples), read on the dashboard's age chart.</summary>
    public const string AgePart = "systems.sys_age";

    /// <summary>The OS release field, read on the dashboard's version chart.</summary>
    public const string OsReleaseField = "os-versions.version_id";

    /// <summary>The platform field.</summary>
    public const string PlatformField = "platform.id";

    /// <summary>The default δ per cell: small against one over the number of machines of any deployment.</summary>
    public const double DefaultDelta = 1e-7;

    private static readonly Rational Marginal = new(3, 8);
    private static readonly Rational Twentieth = new(1, 20);

    /// <summary>The window's whole budget.</summary>
    public decimal Epsilon => epsilon;

    /// <summary>The per-cell δ.</summary>
    public double Delta => delta;

    /// <summary>Every release of a window under <paramref name="registry"/>, the shares summing to at most ε.</summary>
    public IReadOnlyList<ReleasePart> Plan(FieldRegistry registry)
    {
        var fields = registry.Probes.SelectMany(p => p.Fields.Select(f => (Name: p.ProbeId + "." + f.Name, f.MaxItems))).ToArray();
        var others = fields.Count(f => f.Name is not OsReleaseField and not PlatformField);
        var parts = new List<ReleasePart>
        {
            Part(ReportsPart, Twentieth, 1),
            Part(SystemsPart, Twentieth, 1),
            Part(AgePart, new Rational(1, 10), 1),
        };
        foreach (var (name, maxItems) in fields)
        {
            var share = name is OsReleaseField or PlatformField ? Marginal : Twentieth / new Rational(others, 1);
            parts.Add(Part(name, share, Math.Max(1, maxItems)));
        }

        return parts;
    }

    private ReleasePart Part(string name, Rational share, int sensitivity)
    {
        var partEpsilon = _epsilon * share;
        var scale = DiscreteLaplace.ScaleFor(partEpsilon, sensitivity);
        return new ReleasePart(name, partEpsilon, sensitivity, scale, Math.Max(minCount, DiscreteLaplace.Threshold(scale, delta)));
    }
}
