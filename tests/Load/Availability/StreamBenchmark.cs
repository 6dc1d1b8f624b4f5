using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Reservations.Load.Sale;

namespace Reservations.Load.Availability;

/// <summary>
/// Subscribers on one hot product's live availability stream while reserves and releases of it run through the API.
/// For each event delivered in the measured time it records the delay from the event's <c>at</c> (when the feed wrote
/// the figures, by Redis's clock) to its arrival here (this machine's clock: the same machine as Redis). Once a second
/// a probe holds <see cref="ProbeQuantity"/> units, more than the loops ever hold together, so the first event each
/// subscriber gets with that many held carries that change: from just before the probe's reserve was sent to that
/// event's arrival is the delay from a change to its delivery, measured whole.
/// </summary>
public sealed class StreamBenchmark(StreamBenchmarkOptions options, TextWriter output)
{
    // Enough that reserves never run out: each hold is released right after it is taken.
    private const int Stock = 10_000_000;
    private const int Customers = 1_000;
    // The most one hold may take; the loops hold at most one unit each.
    private const int ProbeQuantity = 1_000;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly LatencyRecorder _delays = new();
    private long _events;
    private long _warmupEvents;
    private int _connected;
    private int _connectFailures;
    private readonly ConcurrentDictionary<string, int> _failureReasons = new(StringComparer.Ordinal);
    private int _endedEarly;
    private long _changes;
    private long _changeFailures;
    private long _measuringFrom = long.MaxValue;
    private readonly LatencyRecorder _changeDelays = new();
    private int _probe;
    private long _probeSentAt;
    private int _probesSent;
    private long _probeDeliveries;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var api = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        var sale = new SaleApi(api);
        ITokenSource tokens = options.SigningKey is { } key ? new LocalTokenSigner(key, "reservations", "reservations-api") : sale;
        var admin = await tokens.TokenAsync("stream-bench-admin", "admin");
        var run = Guid.NewGuid().ToString("N")[..8];
        var product = await sale.CreateProductAsync(admin, $"STREAM-{run}", Stock, holdSeconds: 600);
        var customers = await Task.WhenAll(Enumerable.Range(0, Customers).Select(i => tokens.TokenAsync($"stream-{run}-{i}")));
        var prober = await tokens.TokenAsync($"stream-{run}-probe");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stream: {options.Subscribers} subscribers on product {product}, {options.ReserveConcurrency} reserve+release loops, warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s"));
        var connecting = Stopwatch.StartNew();
        var subscribers = Enumerable.Range(0, options.Subscribers).Select(i => SubscribeAsync(i, product, stop.Token)).ToList();
        await WaitForConnectionsAsync(stop.Token);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"connected {_connected} of {options.Subscribers} in {connecting.Elapsed.TotalSeconds:0.0} s ({_connectFailures} refused or failed{Reasons()})"));

        var changes = Enumerable.Range(0, options.ReserveConcurrency)
            .Select(loop => ChangeLoopAsync(sale, product, customers, loop, stop.Token)).ToList();
        await Task.Delay(options.Warmup, cancellationToken);
        Interlocked.Exchange(ref _warmupEvents, Interlocked.Read(ref _events));
        Volatile.Write(ref _measuringFrom, Stopwatch.GetTimestamp());
        var measuring = Stopwatch.StartNew();
        using (var measuredTime = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
        {
            measuredTime.CancelAfter(options.Duration);
            await ProbeLoopAsync(sale, product, prober, measuredTime.Token);
        }

        var measured = measuring.Elapsed;
        var endedEarly = Volatile.Read(ref _endedEarly);
        var delivered = Interlocked.Read(ref _events) - Interlocked.Read(ref _warmupEvents);
        await stop.CancelAsync();
        await Task.WhenAll(changes.Concat(subscribers));

        Report(delivered, measured, endedEarly);
        return _connectFailures == 0 && endedEarly == 0 && _connected == options.Subscribers ? 0 : 1;
    }

    private void Report(long delivered, TimeSpan measured, int endedEarly)
    {
        var delays = _delays.Report();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"changes: {Interlocked.Read(ref _changes)} reserves and releases ({Interlocked.Read(ref _changeFailures)} failed)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events delivered: {delivered} in {measured.TotalSeconds:0.0} s = {delivered / measured.TotalSeconds:0}/s ({delivered / measured.TotalSeconds / Math.Max(1, _connected):0.0}/s per subscriber)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery delay (receive - at), ms: p50 {delays.P50:0.0}  p90 {delays.P90:0.0}  p99 {delays.P99:0.0}  max {delays.Max:0.0}  ({delays.Count} events)"));
        var probes = _changeDelays.Report();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"change to delivery (probe reserve sent -> its event received), ms: p50 {probes.P50:0.0}  p90 {probes.P90:0.0}  p99 {probes.P99:0.0}  max {probes.Max:0.0}  ({Interlocked.Read(ref _probeDeliveries)} deliveries of {_probesSent} probes to {_connected} subscribers)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"subscribers connected: {_connected}, refused or failed: {_connectFailures}, streams ended early: {endedEarly}"));
    }

    private async Task WaitForConnectionsAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (Volatile.Read(ref _connected) + Volatile.Read(ref _connectFailures) < options.Subscribers
            && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task SubscribeAsync(int index, Guid product, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(Handler(SourceOf(index))) { BaseAddress = options.Url, Timeout = Timeout.InfiniteTimeSpan };
        var opened = false;
        try
        {
            await using var stream = await AvailabilityStreamClient.OpenAsync(http, product, cancellationToken: cancellationToken);
            if (!stream.Response.IsSuccessStatusCode)
            {
                FailedToConnect($"HTTP {(int)stream.Response.StatusCode}");
                return;
            }

            opened = true;
            Interlocked.Increment(ref _connected);
            var probeSeen = 0;
            while (await stream.NextEventAsync(Timeout.InfiniteTimeSpan, cancellationToken) is { } received)
            {
                Interlocked.Increment(ref _events);
                if (Stopwatch.GetTimestamp() >= Volatile.Read(ref _measuringFrom))
                {
                    _delays.Record(received.ReceivedAt - received.Data.At);
                }

                var probe = Volatile.Read(ref _probe);
                if (received.Data.Held >= ProbeQuantity && probe > probeSeen)
                {
                    probeSeen = probe;
                    _changeDelays.Record(received.ReceivedAt - new DateTimeOffset(Volatile.Read(ref _probeSentAt), TimeSpan.Zero));
                    Interlocked.Increment(ref _probeDeliveries);
                }
            }

            Interlocked.Increment(ref _endedEarly);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            if (opened)
            {
                Interlocked.Increment(ref _endedEarly);
            }
            else
            {
                FailedToConnect((e.InnerException ?? e).Message);
            }
        }
    }

    private void FailedToConnect(string reason)
    {
        Interlocked.Increment(ref _connectFailures);
        _failureReasons.AddOrUpdate(reason, 1, (_, count) => count + 1);
    }

    private string Reasons() => _failureReasons.IsEmpty
        ? string.Empty
        : ": " + string.Join(", ", _failureReasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value} × {r.Key}"));

    // One probe a second: held jumps by ProbeQuantity, then, half a second later, drops back, so the next probe's
    // event cannot be mistaken for this one's.
    private async Task ProbeLoopAsync(SaleApi sale, Guid product, string customer, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref _probeSentAt, DateTimeOffset.UtcNow.UtcTicks);
                Interlocked.Increment(ref _probe);
                var (status, hold) = await sale.ReserveAsync(customer, product, ProbeQuantity);
                if (hold is null)
                {
                    throw new InvalidOperationException($"The probe's reserve was refused: HTTP {status}.");
                }

                _probesSent++;
                await Task.Delay(ProbeInterval / 2, cancellationToken);
                await sale.ReleaseAsync(customer, hold.Id);
                await Task.Delay(ProbeInterval / 2, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The measured time is over.
        }
    }

    private async Task ChangeLoopAsync(SaleApi sale, Guid product, string[] customers, int loop, CancellationToken cancellationToken)
    {
        for (var i = loop; !cancellationToken.IsCancellationRequested; i += options.ReserveConcurrency)
        {
            var customer = customers[i % customers.Length];
            var (status, hold) = await sale.ReserveAsync(customer, product, 1);
            var released = hold is not null && await sale.ReleaseAsync(customer, hold.Id) == (int)HttpStatusCode.NoContent;
            Interlocked.Add(ref _changes, (hold is null ? 0 : 1) + (released ? 1 : 0));
            if (status != (int)HttpStatusCode.Created || !released)
            {
                Interlocked.Increment(ref _changeFailures);
            }
        }
    }

    // The API bounds streams per client address: spread them over loopback addresses 127.1.x.y.
    private IPAddress SourceOf(int index)
    {
        var address = index / options.StreamsPerAddress + 1;
        return new IPAddress([127, 1, (byte)(address / 250), (byte)(address % 250 + 1)]);
    }

    private static SocketsHttpHandler Handler(IPAddress source) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                var target = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, AddressFamily.InterNetwork, cancellationToken);
                await socket.ConnectAsync(new IPEndPoint(target[0], context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
