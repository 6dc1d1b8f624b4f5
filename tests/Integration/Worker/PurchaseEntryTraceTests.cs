using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// A purchase entry carries its purchase request's trace context only when that request was traced, and keeps it on its
/// way through the dead letters and back. The API here does not trace.
/// </summary>
public sealed class PurchaseEntryTraceTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const int Shard = 0;

    [Fact]
    public async Task APurchaseNotTraced_WritesNoTraceContext_EvenWhenItsCallerSampled()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var erin = api.CreateClient(Tokens.Customer("erin"));
        erin.DefaultRequestHeaders.Add("traceparent", $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01");
        var hold = (await erin.ReserveOkAsync(product.Id)).Id;

        (await erin.PurchaseAsync(hold)).EnsureSuccessStatusCode();

        var purchases = api.Keys.Purchases(api.Keys.ShardOf(product.Id));
        var entry = (await api.Redis.StreamRangeAsync(purchases))
            .Where(e => ((byte[]?)e["hold"]).AsSpan().SequenceEqual(RedisKeys.HoldField(hold))).Should().ContainSingle().Subject;
        entry.Values.Select(v => (string?)v.Name).Should().NotContain("traceparent");
        // The other test reads shard 0 through a consumer group, its own pending entries first: leave it none of ours.
        await api.Redis.StreamDeleteAsync(purchases, [entry.Id]);
    }

    [Fact]
    public async Task AnEntryWithATraceContext_IsReadWithIt_AndKeepsItThroughTheDeadLettersAndBack()
    {
        var (hold, product) = (api.Keys.NewHoldId(Shard), Guid.CreateVersion7());
        var traceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";
        await api.Redis.StreamAddAsync(api.Keys.Purchases(Shard), [
            new("hold", RedisKeys.HoldField(hold)), new("product", RedisKeys.ProductField(product)), new("quantity", 2),
            new("price", "10.00"), new("customer", "frank"), new("at", "1796637600000"), new("traceparent", traceParent)]);
        var outbox = NewOutbox();

        var read = (await outbox.ReadAsync(Shard, 100, TestContext.Current.CancellationToken)).Should()
            .ContainSingle(p => p.HoldId == hold).Subject;
        read.TraceParent.Should().Be(traceParent);
        (await outbox.DeadLetterAsync(read, "refused", TestContext.Current.CancellationToken)).Should().BeTrue();
        (await outbox.ListDeadLettersAsync(TestContext.Current.CancellationToken)).Should()
            .ContainSingle(d => d.Purchase.HoldId == hold).Which.Purchase.TraceParent.Should().Be(traceParent);
        (await outbox.RetryDeadLetterAsync(hold, TestContext.Current.CancellationToken)).Should().BeTrue();

        (await outbox.ReadAsync(Shard, 100, TestContext.Current.CancellationToken)).Should()
            .ContainSingle(p => p.HoldId == hold).Which.TraceParent.Should().Be(traceParent);
    }

    private RedisPurchaseOutbox NewOutbox() => new(
        api.Services.GetRequiredService<IConnectionMultiplexer>(), api.Keys, Options.Create(new RedisGateOptions()),
        NullLogger<RedisPurchaseOutbox>.Instance);
}
