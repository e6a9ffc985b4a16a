using Pinger.Configuration;

namespace Pinger.Core.Tests.Config;

/// <summary>URL credentials are hidden wherever they stand in a text; everything else is left as it is.</summary>
[TestClass]
public sealed class CredentialRedactorTests
{
    [TestMethod]
    [DataRow("http://user:secret@proxy:3128", "http://***@proxy:3128")]
    [DataRow("proxy 'https://token@proxy.example.org/' failed", "proxy 'https://***@proxy.example.org/' failed")]
    [DataRow("user:secret@proxy:3128", "***@proxy:3128")]
    [DataRow("http_proxy=user:p%40ss@10.0.0.1", "http_proxy=***@10.0.0.1")]
    [DataRow("a http://a:b@x and http://c:d@y", "a http://***@x and http://***@y")]
    public void Credentials_are_hidden(string text, string expected) =>
        Assert.AreEqual(expected, CredentialRedactor.Redact(text));

    [TestMethod]
    [DataRow("https://metrics.example.org/v1/report")]
    [DataRow("write to admin@example.org")]
    [DataRow("Connection refused (127.0.0.1:3128)")]
    public void Text_without_credentials_is_unchanged(string text) =>
        Assert.AreEqual(text, CredentialRedactor.Redact(text));
}
