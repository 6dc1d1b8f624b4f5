using System.Diagnostics;
using System.Globalization;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using StackExchange.Redis;

namespace Reservations.Load;

/// <summary>
/// Takes <c>holds</c> holds straight through the gate's port (no HTTP) on one product with enough stock,
/// <c>concurrency</c> at a time, and reports the reserve rate and the Redis memory each live hold costs. With webhook
/// event types switched on, the scripts also write their events (which nothing drains here: their memory counts too).
/// </summary>
internal sealed class GateBenchmark(GateHost host, int holds, int concurrency, IReadOnlySet<string> events)
{
    public async Task<int> RunAsync()
    {
        var gate = host.Gate;
        await gate.SwitchEventsOnAsync(events, CancellationToken.None);
        var server = host.Redis.GetServers().Single();
        var productId = Guid.CreateVersion7();
        await gate.InitializeAsync(new InventoryItem(productId, holds, 49.90m, null, 86_400), CancellationToken.None);
        var before = await UsedMemoryAsync(server);

        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < holds; i = Interlocked.Increment(ref next))
            {
                var customer = CustomerId.From($"customer-{i:D7}");
                var result = await gate.ReserveAsync(new ReserveRequest(productId, customer, Quantity.From(1), null), CancellationToken.None);
                if (!result.IsSuccess)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = await UsedMemoryAsync(server);
        var stock = await gate.GetStockAsync(productId, CancellationToken.None);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gate: {holds:N0} reserves at concurrency {concurrency}, events [{string.Join(',', events)}], in {elapsed.TotalSeconds:0.00} s = {holds / elapsed.TotalSeconds:N0}/s, {failures} failed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"redis memory: {before:N0} -> {after:N0} bytes = {(after - before) / (double)holds:N0} bytes per live hold"));
        Console.WriteLine($"ledger: available {stock?.Available}, held {stock?.Held}, purchasing {stock?.Purchasing}");
        return failures == 0 && stock?.Held == holds && stock.Available == 0 ? 0 : 1;
    }

    private static async Task<long> UsedMemoryAsync(IServer server)
    {
        var info = await server.InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).Single(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }
}
