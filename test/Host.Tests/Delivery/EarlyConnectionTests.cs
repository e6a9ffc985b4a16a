using System.Net;
using System.Net.Sockets;
using Pinger.Host.Delivery;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// The connection opened while the probes run: it goes where the report will go (the server, or the proxy), it is
/// handed out once and only for that endpoint, and it is closed when nobody took it.
/// </summary>
[TestClass]
public sealed class EarlyConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [TestMethod]
    public async Task It_is_handed_once_to_a_request_for_its_endpoint()
    {
        using var listener = Listen();
        var url = UrlOf(listener, "/v1/reports");
        using var early = EarlyConnection.Start(url, () => null, Timeout);

        using var socket = await early.TakeAsync(TcpConnection.EndPointOf(url), CancellationToken.None);
        var second = await early.TakeAsync(TcpConnection.EndPointOf(url), CancellationToken.None);

        Assert.IsNotNull(socket);
        Assert.IsTrue(socket.Connected);
        Assert.IsNull(second, "a retry connects anew");
        using var accepted = await listener.AcceptSocketAsync();
        Assert.AreEqual(((IPEndPoint)socket.LocalEndPoint!).Port, ((IPEndPoint)accepted.RemoteEndPoint!).Port);
    }

    [TestMethod]
    public async Task A_request_for_another_endpoint_does_not_get_it()
    {
        using var listener = Listen();
        using var early = EarlyConnection.Start(UrlOf(listener, "/"), () => null, Timeout);

        var otherHost = await early.TakeAsync(new DnsEndPoint("localhost", PortOf(listener)), CancellationToken.None);
        var otherPort = await early.TakeAsync(new DnsEndPoint("127.0.0.1", PortOf(listener) + 1), CancellationToken.None);
        using var socket = await early.TakeAsync(new DnsEndPoint("127.0.0.1", PortOf(listener)), CancellationToken.None);

        Assert.IsNull(otherHost);
        Assert.IsNull(otherPort);
        Assert.IsNotNull(socket, "a request for another endpoint leaves it for the right one");
    }

    [TestMethod]
    public async Task Through_a_proxy_it_goes_to_the_proxy()
    {
        using var proxy = Listen();
        var server = new Uri("http://192.0.2.1:8080/v1/reports");
        using var early = EarlyConnection.Start(server, () => new WebProxy(UrlOf(proxy, "/")), Timeout);

        using var socket = await early.TakeAsync(new DnsEndPoint("127.0.0.1", PortOf(proxy)), CancellationToken.None);

        Assert.IsNotNull(socket, "the HTTP client asks for the proxy's endpoint, and gets the early connection");
        using var accepted = await proxy.AcceptSocketAsync();
        Assert.AreEqual(((IPEndPoint)socket.LocalEndPoint!).Port, ((IPEndPoint)accepted.RemoteEndPoint!).Port);
    }

    [TestMethod]
    public async Task A_server_the_proxy_is_bypassed_for_is_connected_to_directly()
    {
        using var server = Listen();
        var url = UrlOf(server, "/v1/reports");
        var bypassing = new WebProxy("http://192.0.2.1:3128/") { BypassProxyOnLocal = false, BypassList = [@"127\.0\.0\.1"] };
        using var early = EarlyConnection.Start(url, () => bypassing, Timeout);

        using var socket = await early.TakeAsync(TcpConnection.EndPointOf(url), CancellationToken.None);

        Assert.IsNotNull(socket);
    }

    [TestMethod]
    public async Task An_untaken_connection_is_closed_on_dispose()
    {
        using var listener = Listen();
        var early = EarlyConnection.Start(UrlOf(listener, "/"), () => null, Timeout);
        using var accepted = await listener.AcceptSocketAsync();

        early.Dispose();

        using var wait = new CancellationTokenSource(Timeout);
        var read = await accepted.ReceiveAsync(new byte[1], wait.Token);
        Assert.AreEqual(0, read, "the peer sees the connection closed, without a byte sent");
    }

    [TestMethod]
    public async Task A_refused_early_connect_is_the_first_attempt_failure()
    {
        var url = BlackHole.RefusingUrl();
        using var early = EarlyConnection.Start(url, () => null, Timeout);

        var failure = await Assert.ThrowsExactlyAsync<SocketException>(async () => await early.TakeAsync(TcpConnection.EndPointOf(url), CancellationToken.None));

        Assert.AreEqual(SocketError.ConnectionRefused, failure.SocketErrorCode);
    }

    [TestMethod]
    public async Task A_connection_the_peer_closed_is_told_from_an_open_one()
    {
        using var listener = Listen();
        using var open = await TcpConnection.OpenAsync(new DnsEndPoint("127.0.0.1", PortOf(listener)), Timeout, CancellationToken.None);
        using var closing = await TcpConnection.OpenAsync(new DnsEndPoint("127.0.0.1", PortOf(listener)), Timeout, CancellationToken.None);
        using var first = await listener.AcceptSocketAsync();
        using var second = await listener.AcceptSocketAsync();
        var peerOfClosing = ((IPEndPoint)first.RemoteEndPoint!).Port == ((IPEndPoint)closing.LocalEndPoint!).Port ? first : second;

        peerOfClosing.Shutdown(SocketShutdown.Both);
        Assert.IsTrue(closing.Poll(TimeSpan.FromSeconds(5), SelectMode.SelectRead), "the end of stream arrives");

        Assert.IsTrue(TcpConnection.IsClosedByPeer(closing));
        Assert.IsFalse(TcpConnection.IsClosedByPeer(open));
    }

    [TestMethod]
    [DataRow("http://[::1]:8080/v1/reports", "::1", 8080)]
    [DataRow("https://metrics.example.org/v1/reports", "metrics.example.org", 443)]
    [DataRow("http://127.0.0.1/", "127.0.0.1", 80)]
    public void The_endpoint_is_named_as_the_HTTP_client_names_it(string url, string host, int port)
    {
        var endPoint = TcpConnection.EndPointOf(new Uri(url));

        Assert.AreEqual(host, endPoint.Host);
        Assert.AreEqual(port, endPoint.Port);
    }

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int PortOf(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static Uri UrlOf(TcpListener listener, string path) => new($"http://127.0.0.1:{PortOf(listener)}{path}");
}
