using System.Globalization;
using Pinger.Bench.Harness.Packaging;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// rpm: builds the pinger and pinger-server RPMs from the published tree into artifacts/rpm/ (contrib/rpm/pinger.spec),
/// runs rpmlint on the spec and the packages, and prints what each package installs. Fails when rpmbuild fails or
/// rpmlint reports an error; its warnings are printed, and each is explained in the spec and docs/packaging.md.
/// </summary>
internal static class RpmCommand
{
    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var runtime = options.Text("runtime", "linux-x64");
        var packages = RpmBuild.Run(layout.Root, layout.RequirePublished(layout.Published), layout.InArtifacts("rpm"), runtime);
        Console.WriteLine("Built:");
        foreach (var package in packages.Binary.Append(packages.Source))
        {
            Console.WriteLine($"  {Path.GetRelativePath(layout.Root, package)}  ({new FileInfo(package).Length / 1024} KiB)");
        }

        Console.WriteLine();
        Console.WriteLine("Installed size (rpm -qp --queryformat '%{SIZE}'):");
        foreach (var package in packages.Binary)
        {
            var size = ProcessCapture.Run("rpm", ["-qp", "--nosignature", "--queryformat", "%{NAME} %{SIZE}", package]);
            var fields = size.Stdout.Split(' ');
            if (size.ExitCode != 0 || fields.Length != 2 || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var bytes))
            {
                throw new HarnessException($"rpm -qp {package} failed: {size.Stderr.Trim()}");
            }

            Console.WriteLine($"  {fields[0],-14} {bytes / 1024.0 / 1024.0,7:F1} MiB");
        }

        if (!ToolPath.IsOnPath("rpmlint"))
        {
            throw new HarnessException("rpmlint is missing: install Debian's rpmlint package (./build.sh --target=Prerequisites does, as root)");
        }

        Console.WriteLine();
        Console.WriteLine("rpmlint (filters in contrib/rpm/pinger.rpmlintrc; each warning explained in docs/packaging.md):");
        // The source package carries the spec, so the spec is checked too. rpmlint exits 64 when it found errors,
        // 66 when the badness threshold is exceeded; warnings alone exit 0.
        var lint = ProcessCapture.Show("rpmlint", ["--rpmlintrc", layout.InRoot("contrib", "rpm", "pinger.rpmlintrc"), .. packages.Binary, packages.Source]);
        return lint == 0 ? 0 : throw new HarnessException($"rpmlint reported errors (exit code {lint}): fix them in contrib/rpm/pinger.spec");
    }
}
