using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// A cart's purchase entry repeats product, quantity and price once per line, in line order: the outbox reads the lines
/// back in that order, and sets aside an entry whose lines do not add up.
/// </summary>
public sealed class CartPurchaseEntryTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const int Shard = 0;
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public async Task ACartEntry_IsReadWithItsLinesInOrder()
    {
        var (hold, tickets, parking) = (api.Keys.NewHoldId(Shard), Guid.CreateVersion7(), Guid.CreateVersion7());
        var entry = await AddAsync(
            ("hold", RedisKeys.HoldField(hold)),
            ("product", RedisKeys.ProductField(tickets)), ("quantity", 2), ("price", "49.90"),
            ("product", RedisKeys.ProductField(parking)), ("quantity", 1), ("price", "15.00"),
            ("customer", "carol"), ("at", Millis(At)), ("created", Millis(At.AddMinutes(-3))), ("deadline", Millis(At.AddMinutes(7))));

        var read = await NewOutbox().ReadAsync(Shard, 100, TestContext.Current.CancellationToken);

        read.Should().ContainSingle(p => p.HoldId == hold).Which.Should().Be(new PendingPurchase(
            entry.ToString(), hold, "carol", [new PurchaseLine(tickets, 2, 49.90m), new PurchaseLine(parking, 1, 15.00m)],
            At, At.AddMinutes(-3), At.AddMinutes(7)));
    }

    [Fact]
    public async Task AnEntryOfTheEarlierSingleProductLayout_IsReadAsOneLine()
    {
        var (hold, product) = (api.Keys.NewHoldId(Shard), Guid.CreateVersion7());
        var entry = await AddAsync(
            ("hold", RedisKeys.HoldField(hold)), ("product", RedisKeys.ProductField(product)), ("customer", "dave"),
            ("quantity", 3), ("price", "10.05"), ("at", Millis(At)));

        var read = await NewOutbox().ReadAsync(Shard, 100, TestContext.Current.CancellationToken);

        read.Should().ContainSingle(p => p.HoldId == hold).Which.Should().Be(
            new PendingPurchase(entry.ToString(), hold, "dave", [new PurchaseLine(product, 3, 10.05m)], At));
    }

    [Fact]
    public async Task AnEntryWithTwoProductsAndOneQuantity_IsUnreadableAndQuarantined()
    {
        var hold = api.Keys.NewHoldId(Shard);
        var entry = await AddAsync(
            ("hold", RedisKeys.HoldField(hold)),
            ("product", RedisKeys.ProductField(Guid.CreateVersion7())), ("quantity", 2), ("price", "49.90"),
            ("product", RedisKeys.ProductField(Guid.CreateVersion7())), ("price", "15.00"),
            ("customer", "erin"), ("at", Millis(At)));

        var read = await NewOutbox().ReadAsync(Shard, 100, TestContext.Current.CancellationToken);

        read.Should().NotContain(p => p.HoldId == hold);
        var quarantined = (await api.Redis.StreamRangeAsync(api.Keys.Quarantine(Shard))).Should()
            .ContainSingle(e => (string?)e["entry"] == entry.ToString()).Subject;
        ((string?)quarantined["reason"]).Should().Be(
            "unreadable after 1 deliveries: The entry has 2 product, 1 quantity and 2 price fields; one of each per line.");
    }

    private Task<RedisValue> AddAsync(params (string Name, RedisValue Value)[] fields) =>
        api.Redis.StreamAddAsync(api.Keys.Purchases(Shard), [.. fields.Select(f => new NameValueEntry(f.Name, f.Value))]);

    private static string Millis(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A consumer of its own, which quarantines an unreadable entry at its first delivery.
    private RedisPurchaseOutbox NewOutbox() => new(
        api.Services.GetRequiredService<IConnectionMultiplexer>(), api.Keys, Options.Create(new RedisGateOptions { MaxDeliveries = 1 }),
        NullLogger<RedisPurchaseOutbox>.Instance);
}
