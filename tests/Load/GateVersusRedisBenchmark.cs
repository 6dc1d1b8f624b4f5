using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Load;

/// <summary>
/// How close the gate comes to Redis running its reserve script with nothing in front: <c>requests</c> reserves
/// through the gate's port with 50 and with 800 in flight, and redis-benchmark repeating the very command the gate
/// sends for a lone reserve (<c>EVALSHA</c>, read off the wire with MONITOR; 50 clients) one request at a time per
/// client and 16 pipelined, all on one product of the same Redis in the same run. Each run must add exactly its
/// requests to the product's held units: a benchmark of error replies would prove nothing.
/// </summary>
internal sealed class GateVersusRedisBenchmark(GateHost host, int requests)
{
    private const int Clients = 50;
    private const int Pipeline = 16;

    // redis-benchmark puts a fresh random number in place of each of these in every request (-r sets the range); two
    // together make collisions between hold ids of one run (an error reply, which stops it) practically impossible.
    private const string RandomHoldId = "__rand_int____rand_int__";

    // A product id whose 16 bytes are printable ASCII: the gate passes it raw, and a process argument cannot carry NUL.
    private static readonly Guid ProductId = new("reservations-gate"u8[..16], bigEndian: true);

    private static readonly ReserveRequest Reserve = new(ProductId, CustomerId.From("customer-bench"), Quantity.From(1), null);

    public async Task<int> RunAsync()
    {
        var gate = host.Gate;
        // Four runs of the requests, and the one reserve whose command redis-benchmark repeats.
        await gate.InitializeAsync(new InventoryItem(ProductId, requests * 4 + 1, 49.90m, null, 86_400), CancellationToken.None);

        var gateRate = await ReserveThroughGateAsync(gate, Clients);
        var gateRateDeep = await ReserveThroughGateAsync(gate, Clients * Pipeline);
        var command = await CaptureReserveCommandAsync(gate);
        var plain = await RedisBenchmarkAsync(gate, command, pipeline: 1);
        var pipelined = await RedisBenchmarkAsync(gate, command, Pipeline);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {requests:N0} reserves each, one product, the same Redis:
            redis-benchmark EVALSHA reserve -c {Clients}:          {plain,9:N0}/s
            gate, {Clients} in flight:                         {gateRate,9:N0}/s = {gateRate / plain:P0} of it
            redis-benchmark EVALSHA reserve -c {Clients} -P {Pipeline}:    {pipelined,9:N0}/s
            gate, {Clients * Pipeline} in flight:                        {gateRateDeep,9:N0}/s = {gateRateDeep / pipelined:P0} of it
            """));
        return 0;
    }

    private async Task<double> ReserveThroughGateAsync(GateClient gate, int inFlight)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                if (!(await gate.ReserveAsync(Reserve, CancellationToken.None)).IsSuccess)
                {
                    throw new InvalidOperationException("A gate reserve failed; the comparison would be meaningless.");
                }
            }
        }));
        return requests / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    // EVALSHA <sha> <key count> <keys> <arguments> as Redis receives it from the gate for a lone reserve (a batch of one:
    // an idle shard sends at once), the new hold's id, its one binary argument, replaced by redis-benchmark's placeholder.
    private async Task<List<string>> CaptureReserveCommandAsync(GateClient gate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var monitor = await RedisMonitor.StartAsync(host.Redis.GetEndPoints().Single(), timeout.Token);
        if (!(await gate.ReserveAsync(Reserve, timeout.Token)).IsSuccess)
        {
            throw new InvalidOperationException("The reserve to capture failed.");
        }

        var command = await monitor.NextAsync(IsGateScriptCall, timeout.Token);
        var binary = command.Count(argument => !IsPrintable(argument));
        return binary == 1
            ? [.. command.Select(argument => IsPrintable(argument) ? Encoding.ASCII.GetString(argument) : RandomHoldId)]
            : throw new InvalidOperationException($"The gate's reserve carried {binary} binary arguments, not the one hold id: redis-benchmark cannot repeat it.");
    }

    // The gate's first script call on its keys since the capture began: only the reserve runs meanwhile.
    private bool IsGateScriptCall(IReadOnlyList<byte[]> command) =>
        command.Count > 3 && Encoding.ASCII.GetString(command[0]).Equals("EVALSHA", StringComparison.OrdinalIgnoreCase)
        && Encoding.ASCII.GetString(command[3]).StartsWith(host.KeyPrefix + ":", StringComparison.Ordinal);

    private async Task<double> RedisBenchmarkAsync(GateClient gate, List<string> command, int pipeline)
    {
        var endpoint = host.Redis.GetEndPoints().Single();
        var (address, port) = endpoint switch
        {
            System.Net.DnsEndPoint dns => (dns.Host, dns.Port),
            System.Net.IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => throw new InvalidOperationException($"Unexpected endpoint {endpoint}"),
        };
        var start = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", address, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", Clients.ToString(CultureInfo.InvariantCulture),
                     "-n", requests.ToString(CultureInfo.InvariantCulture), "-P", pipeline.ToString(CultureInfo.InvariantCulture), "-r", "1000000000", "--csv", .. command])
        {
            start.ArgumentList.Add(argument);
        }

        var heldBefore = (await gate.GetStockAsync(ProductId, CancellationToken.None))!.Held;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var heldAfter = (await gate.GetStockAsync(ProductId, CancellationToken.None))!.Held;
        if (process.ExitCode != 0 || heldAfter - heldBefore != requests)
        {
            throw new InvalidOperationException(
                $"redis-benchmark -P {pipeline} took {heldAfter - heldBefore} of {requests} holds (exit {process.ExitCode}): {output} {errors}");
        }

        // --csv: a header line, then "test","rps",... per test.
        var row = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(',');
        return double.Parse(row[1].Trim('"'), CultureInfo.InvariantCulture);
    }

    // A process argument carries text without NUL: the gate's key names, the ASCII product id and its numbers are such.
    private static bool IsPrintable(byte[] argument) => argument.All(b => b is >= 0x20 and < 0x7F);
}
