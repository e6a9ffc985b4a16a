using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness;

/// <summary>
/// The headline figures of the benches run in one build (artifacts/bench/figures.tsv, emptied by build.cake when a
/// build starts), from which the Performance target prints its closing table.
/// </summary>
internal static class FigureLog
{
    public static string PathIn(RepositoryLayout layout) => layout.InArtifacts("bench", "figures.tsv");

    public static void Record(RepositoryLayout layout, Figure figure)
    {
        var file = PathIn(layout);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.AppendAllText(file, figure.ToLine() + "\n");
    }

    public static IReadOnlyList<Figure> ReadAll(RepositoryLayout layout)
    {
        var file = PathIn(layout);
        return File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Length > 0).Select(Figure.Parse).ToList()
            : [];
    }
}
