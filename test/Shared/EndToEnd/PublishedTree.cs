using System.Reflection;

namespace Pinger.Testing.EndToEnd;

/// <summary>
/// The installable tree Publish lays out: PINGER_PUBLISHED_ROOT (the Test target sets it), else the repository's
/// artifacts/root. Both programs are run from it as processes, the way they ship.
/// </summary>
internal static class PublishedTree
{
    public static string RepositoryRoot =>
        typeof(PublishedTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("PINGER_PUBLISHED_ROOT");
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(RepositoryRoot, "artifacts", "root");
            }

            foreach (var program in new[] { "pinger", "pinger-server" })
            {
                if (!File.Exists(Path.Combine(root, "usr", "bin", program)))
                {
                    throw new InvalidOperationException($"{root} holds no usr/bin/{program}: run ./build.sh --target=Publish (or set PINGER_PUBLISHED_ROOT)");
                }
            }

            return root;
        }
    }

    public static string Pinger => Path.Combine(Root, "usr", "bin", "pinger");

    public static string Server => Path.Combine(Root, "usr", "bin", "pinger-server");

    /// <summary>The distribution's field registry, as the published client wrote it.</summary>
    public static string SchemaDirectory => Path.Combine(Root, "usr", "lib", "pinger-server", "schema.d");

    public static string FixtureRoot(string name) => Path.Combine(RepositoryRoot, "test", "fixtures", "roots", name);
}
