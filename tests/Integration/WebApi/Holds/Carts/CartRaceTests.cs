using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.WebApi.Holds.Carts;

public sealed class CartRaceTests(ReservationsApiFactory api) : CartRaceSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class CartRaceOnClusterTests(ClusterApiFactory api) : CartRaceSuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>Many carts at once over two products of one sale: all or nothing, never oversold, balanced at every instant.</summary>
public abstract class CartRaceSuite(ReservationsApiFactory api)
{
    private const int Carts = 2000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 60)]
    public async Task TwoThousandTwoLineCarts_AtOnce_HoldAtMostTheStockOfEach_AndNoHalfCartIsEverVisible(int ticketStock, int parkingStock)
    {
        var products = await api.CreateSaleAsync(ticketStock, parkingStock);
        var (ticket, parking) = (products[0].Id, products[1].Id);
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var run = Guid.NewGuid().ToString("N")[..8];
        using var sampling = new CancellationTokenSource();
        var samples = SampleAsync(ticket, parking, ticketStock, parkingStock, sampling.Token);

        var results = await Task.WhenAll(Enumerable.Range(0, Carts).Select(i => gate.ReserveAsync(
            new ReserveRequest(
                [new ReserveLine(ticket, Quantity.From(1)), new ReserveLine(parking, Quantity.From(1))],
                CustomerId.From($"cart-{run}-{i}"), null),
            Ct)));
        await sampling.CancelAsync();
        var observed = await samples;

        var expected = Math.Min(ticketStock, parkingStock);
        results.Count(r => r.IsSuccess).Should().Be(expected);
        results.Where(r => r.IsSuccess).Should().OnlyContain(r => r.Value.Lines.Count == 2);
        results.Where(r => !r.IsSuccess).Select(r => r.Error!.Code).Distinct().Should().Equal("out-of-stock");
        observed.Should().BeGreaterThan(0, "the ledgers were sampled while the carts were taken");
        (await Task.WhenAll(api.LedgerAsync(ticket), api.LedgerAsync(parking))).Select(l => (l.Available, l.Held))
            .Should().Equal((ticketStock - expected, expected), (parkingStock - expected, expected));
    }

    // Reads both products' counters in one command (they share the sale's shard, so one hash) over and over: every cart
    // holds one of each, so held must be equal and each product balanced in every sample. Returns how many it took.
    private async Task<int> SampleAsync(Guid ticket, Guid parking, int ticketStock, int parkingStock, CancellationToken stop)
    {
        var stock = api.Keys.Stock(api.Keys.ShardOf(ticket));
        RedisValue[] fields =
        [
            RedisKeys.StockField(ticket, 'a'), RedisKeys.StockField(ticket, 'h'),
            RedisKeys.StockField(parking, 'a'), RedisKeys.StockField(parking, 'h'),
        ];
        var samples = 0;
        while (!stop.IsCancellationRequested)
        {
            var values = (await api.Redis.HashGetAsync(stock, fields)).Select(v => (int)v).ToArray();
            values[1].Should().Be(values[3], "a cart holds both of its lines or neither");
            (values[0] + values[1]).Should().Be(ticketStock);
            (values[2] + values[3]).Should().Be(parkingStock);
            samples++;
            await Task.Yield();
        }

        return samples;
    }
}
