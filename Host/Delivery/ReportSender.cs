using System.Net;
using System.Net.Sockets;
using Pinger.Configuration;

namespace Pinger.Host.Delivery;

/// <summary>
/// Posts a report with a bounded number of attempts, jittered exponential backoff and a total time budget, so a
/// run never hangs the machine: 2xx is accepted, 4xx refused (not retried in the run; its reason read from the
/// problem details), and 5xx, 429 (its Retry-After honoured
/// when it fits the budget), timeouts and network errors leave the report for the next run.
/// </summary>
public sealed class ReportSender : IDisposable
{
    private readonly DeliverySettings _settings;
    private readonly TimeProvider _clock;
    private readonly HttpClient _client;

    /// <summary>A sender for <paramref name="settings"/>; nothing touches the network before a send.</summary>
    public ReportSender(DeliverySettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = true,
            Proxy = settings.Proxy is { } proxy ? new WebProxy(proxy) { BypassProxyOnLocal = false } : HttpClient.DefaultProxy,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    /// <summary>Sends <paramref name="report"/> (JSON bytes).</summary>
    public async Task<DeliveryOutcome> SendAsync(byte[] report, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(_settings.Budget, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        var deadline = _clock.GetUtcNow() + _settings.Budget;
        var answer = "no attempt made";
        var attemptsMade = 0;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; attempt <= _settings.MaxAttempts; attempt++)
        {
            attemptsMade = attempt;
            TimeSpan? retryAfter = null;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            try
            {
                attemptTimeout.CancelAfter(_settings.AttemptTimeout);
                using var response = await _client.SendAsync(ReportRequest.Create(_settings.ReportsUrl, report), attemptTimeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                answer = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                if (status is >= 200 and < 300)
                {
                    var ignored = await IgnoredProbes.ReadAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                    return new DeliveryOutcome(DeliveryResult.Accepted, answer, attempt, waited) { IgnoredProbes = ignored };
                }

                if (status is >= 300 and < 500 && status is not (408 or 429))
                {
                    var reason = await RefusalReason.ReadAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                    return new DeliveryOutcome(DeliveryResult.Refused, answer, attempt, waited, reason);
                }

                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Neither token ended it: the handler gave up connecting at its own ConnectTimeout.
                answer = budget.IsCancellationRequested ? "no answer within the time budget"
                    : attemptTimeout.IsCancellationRequested ? "no answer within the attempt timeout"
                    : "no connection within the connect timeout";
            }
            catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
            {
                // A proxy URL with credentials may be quoted in the message; the answer is logged and kept in the history.
                answer = "network error: " + CredentialRedactor.Redact(e.InnerException?.Message ?? e.Message);
            }

            var wait = retryAfter ?? Backoff(attempt);
            if (attempt == _settings.MaxAttempts || _clock.GetUtcNow() + wait >= deadline)
            {
                break;
            }

            try
            {
                await Task.Delay(wait, _clock, linked.Token).ConfigureAwait(false);
                waited += wait;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return new DeliveryOutcome(DeliveryResult.Deferred, answer, attemptsMade, waited);
    }

    private TimeSpan Backoff(int attempt)
    {
        // Full jitter between half and one and a half times the exponential step spreads retries of many machines.
        var step = _settings.FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(step * (0.5 + Random.Shared.NextDouble()));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
