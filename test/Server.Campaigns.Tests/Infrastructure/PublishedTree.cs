namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>The installable tree Publish lays out (PINGER_PUBLISHED_ROOT): the campaigns run the server that ships.</summary>
internal static class PublishedTree
{
    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("PINGER_PUBLISHED_ROOT");
            if (string.IsNullOrEmpty(root))
            {
                throw new InvalidOperationException(
                    "PINGER_PUBLISHED_ROOT is not set: run ./build.sh --target=Publish and set it to artifacts/root (the Test and ServerCampaigns targets set it)");
            }

            if (!File.Exists(Path.Combine(root, "usr/bin/pinger-server")))
            {
                throw new InvalidOperationException($"PINGER_PUBLISHED_ROOT={root} holds no usr/bin/pinger-server: run the Publish target first");
            }

            return root;
        }
    }

    public static string ServerExecutable => Path.Combine(Root, "usr/bin/pinger-server");

    /// <summary>The distribution's field registry, as the published client wrote it.</summary>
    public static string SchemaDirectory => Path.Combine(Root, "usr/lib/pinger-server/schema.d");
}
