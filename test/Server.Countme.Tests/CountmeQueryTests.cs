namespace Pinger.Server.Countme.Tests;

[TestClass]
public sealed class CountmeQueryTests
{
    [TestMethod]
    [DataRow("repo=fedora-33&arch=x86_64&countme=1", "fedora-33", "x86_64", 1)]
    [DataRow("?repo=fedora-33&arch=x86_64&countme=1", "fedora-33", "x86_64", 1)]
    [DataRow("countme=4&arch=aarch64&repo=epel-8", "epel-8", "aarch64", 4)]
    [DataRow("repo=a&repo=b&countme=1&countme=3", "b", null, 3)]
    [DataRow("repo=a&repo=&arch=", "a", null, null)]
    [DataRow("repo&arch=x86_64&=1&&countme", null, "x86_64", null)]
    [DataRow("repo=updates-released-f33&infra=stock&content=centos&countme=2", "updates-released-f33", null, 2)]
    [DataRow("repo=fedora%2D33&arch=x86%5F64&countme=%31", "fedora-33", "x86_64", 1)]
    [DataRow("%72epo=fedora&c%6Funtme=2", "fedora", null, 2)]
    [DataRow("repo=a+b%20c&countme=+2", "a b c", null, 2)]
    [DataRow("repo=%E2%82%AC&countme=-1", "\u20ac", null, -1)]
    [DataRow("repo=bad%zzescape&countme=x", "bad%zzescape", null, null)]
    [DataRow("countme=1.5", null, null, null)]
    [DataRow("countme=99999999999", null, null, null)]
    [DataRow("", null, null, null)]
    public void Reads_repo_arch_and_countme_the_way_parse_qsl_does_with_the_last_value_winning(string query, string? repo, string? arch, int? countme)
    {
        Assert.AreEqual((repo, arch, countme), CountmeQuery.Parse(query));
    }
}
