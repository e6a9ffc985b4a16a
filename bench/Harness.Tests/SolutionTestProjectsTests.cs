using System.Xml.Linq;
using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class SolutionTestProjectsTests
{
    private const string Solution = """
        <Solution>
          <Project Path="Core/Pinger.Core.csproj" />
          <Folder Name="/test/">
            <Project Path="test/Core.Tests/Pinger.Core.Tests.csproj" />
          </Folder>
          <Folder Name="/Probes/network/">
            <Project Path="Probes/network/tests/Pinger.Probes.Network.Tests.csproj" />
          </Folder>
        </Solution>
        """;

    [TestMethod]
    public void The_solution_names_its_test_projects_wherever_they_live()
    {
        CollectionAssert.AreEqual(
            new[] { "test/Core.Tests/Pinger.Core.Tests.csproj", "Probes/network/tests/Pinger.Probes.Network.Tests.csproj" },
            SolutionTestProjects.InSolution(XDocument.Parse(Solution)).ToArray());
    }

    [TestMethod]
    public void A_test_project_on_disk_but_not_in_the_solution_is_found_in_any_folder_but_build_output_and_templates()
    {
        var root = Directory.CreateTempSubdirectory("harness-tests-").FullName;
        try
        {
            foreach (var project in new[]
            {
                "test/Core.Tests/Pinger.Core.Tests.csproj",
                "Probes/network/tests/Pinger.Probes.Network.Tests.csproj",
                "Probes/hardware/tests/Pinger.Probes.Hardware.Tests.csproj",
                "contrib/probes/extra/tests/Extra.Tests.csproj",
                "test/Core.Tests/bin/Release/net10.0/Copy.Tests.csproj",
                "artifacts/build/Stale.Tests.csproj",
                "templates/pinger-probe/test/Acme.Tests.csproj",
            })
            {
                var path = Path.Combine(root, project);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "<Project />");
            }

            var outside = SolutionTestProjects.Outside(root, SolutionTestProjects.InSolution(XDocument.Parse(Solution)));

            CollectionAssert.AreEqual(
                new[] { "Probes/hardware/tests/Pinger.Probes.Hardware.Tests.csproj", "contrib/probes/extra/tests/Extra.Tests.csproj" },
                outside.ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
