using System.Globalization;

namespace Pinger.Server.Dashboard;

/// <summary>
/// One colour per series for a whole page, so "Fedora 43" or "more than six months" is the same colour in every
/// chart, legend and share bar. Colours follow the series' names, never their rank: age buckets have fixed colours,
/// other names take them in name order, each the first one not already used by another series of the same chart.
/// The colours themselves (the stylesheet's classes c0 to c7) are Okabe and Ito's set, told apart by readers with
/// any common colour-vision deficiency; "other" is grey.
/// </summary>
public sealed class SeriesPalette
{
    /// <summary>How many colours there are; a chart names at most this many series.</summary>
    public const int Size = 8;

    /// <summary>The class of the "other" series.</summary>
    public const string OtherClass = "c-other";

    private readonly Dictionary<string, int> _colours;

    private SeriesPalette(Dictionary<string, int> colours) => _colours = colours;

    /// <summary>The palette for charts whose series are <paramref name="charts"/>, in page order.</summary>
    public static SeriesPalette For(IEnumerable<IEnumerable<SeriesLine>> charts)
    {
        var colours = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chart in charts)
        {
            var named = chart.Where(s => !s.IsOther).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
            var used = named.Where(colours.ContainsKey).Select(n => colours[n]).ToHashSet();
            foreach (var name in named.Where(n => !colours.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal))
            {
                var colour = ValueLabels.AgeOrder(name) is var age and < 4
                    ? age
                    : Enumerable.Range(0, Size).Where(c => !used.Contains(c)).OrderBy(c => colours.Values.Count(v => v == c)).ThenBy(c => c).FirstOrDefault();
                colours[name] = colour;
                used.Add(colour);
            }
        }

        return new SeriesPalette(colours);
    }

    /// <summary>The stylesheet class of <paramref name="line"/>.</summary>
    public string ClassOf(SeriesLine line) => line.IsOther ? OtherClass : ClassOf(line.Name) ?? OtherClass;

    /// <summary>The class of the series named <paramref name="name"/>, or null when no chart of the page has it.</summary>
    public string? ClassOf(string name) =>
        _colours.TryGetValue(name, out var colour) ? "c" + colour.ToString(CultureInfo.InvariantCulture) : null;
}
