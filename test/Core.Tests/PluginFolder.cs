namespace Pinger.Core.Tests;

/// <summary>A probe search directory built for one test: each plugin is a real directory of real files.</summary>
internal sealed class PluginFolder : IDisposable
{
    public PluginFolder()
    {
        Path = Directory.CreateTempSubdirectory("pinger-plugins-").FullName;
    }

    public string Path { get; }

    /// <summary>Copies the build output of the misbehaving test plugin in as <paramref name="name"/>.</summary>
    public PluginFolder WithMisbehavingPlugin(string name = "misbehaving")
    {
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(TestPaths.MisbehavingPluginOutput))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return this;
    }

    /// <summary>A plugin directory whose assembly is not an assembly at all, next to a well-formed manifest.</summary>
    public PluginFolder WithCorruptPlugin(string name)
    {
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
        File.WriteAllText(System.IO.Path.Combine(target, name + ".dll"), "this is not a PE file");
        File.WriteAllText(System.IO.Path.Combine(target, name + ".deps.json"), WellFormedManifest(name));
        return this;
    }

    /// <summary>A plugin directory whose <c>.deps.json</c> is <paramref name="manifest"/>.</summary>
    public PluginFolder WithManifest(string name, string manifest)
    {
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
        File.WriteAllText(System.IO.Path.Combine(target, name + ".dll"), "this is not a PE file");
        File.WriteAllText(System.IO.Path.Combine(target, name + ".deps.json"), manifest);
        return this;
    }

    private static string WellFormedManifest(string name) =>
        "{\"runtimeTarget\":{\"name\":\".NETCoreApp,Version=v10.0\"},\"targets\":{\".NETCoreApp,Version=v10.0\":{\"" + name
        + "/1.0.0\":{\"runtime\":{\"" + name + ".dll\":{}}}}},\"libraries\":{\"" + name
        + "/1.0.0\":{\"type\":\"project\",\"serviceable\":false,\"sha512\":\"\"}}}";

    /// <summary>A plugin directory with nothing to load.</summary>
    public PluginFolder WithEmptyPlugin(string name)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, name));
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
