using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Webhooks;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

/// <summary>
/// The webhook events the gate's scripts append to their shard's event stream in the same step as the change, when the
/// shard's event-types key lists the type (docs/decisions/009). Run on one Redis node and on the cluster.
/// </summary>
public abstract class GateEventScripts(ReservationsApiFactory api)
{
    private static readonly string[] HoldTypes =
    [
        WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldReleased, WebhookEventTypes.HoldExpired, WebhookEventTypes.HoldPurchased,
    ];

    private static readonly string[] GateTypes = [.. HoldTypes, WebhookEventTypes.OrderDeadLettered];

    private IHoldGate Gate => api.Services.GetRequiredService<IHoldGate>();

    private IHoldExpiry Expiry => api.Services.GetRequiredService<IHoldExpiry>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reserve_WithHoldCreatedOn_AppendsOneEntryWithTheHeldHold()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldCreated);
        var product = await api.CreateProductAsync(stock: 5);

        var hold = await ReserveOkAsync(product, "alice", quantity: 2);

        var entry = (await api.EventsOfAsync(product.Id)).Should().ContainSingle().Subject;
        entry.Type.Should().Be(WebhookEventTypes.HoldCreated);
        entry.Hold.Should().Be(hold);
        entry.At.Should().Be(hold.CreatedAt, "the change and its event share Redis's time");
    }

    [Fact]
    public async Task Release_WithHoldReleasedOn_AppendsOneEntryWithTheReleasedHold_AndARepeatAppendsNothing()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await ReserveOkAsync(product, "alice");

        (await Gate.ReleaseAsync(hold.Id, hold.Customer, Ct)).IsSuccess.Should().BeTrue();
        (await Gate.ReleaseAsync(hold.Id, hold.Customer, Ct)).IsSuccess.Should().BeTrue();

        var entries = await api.EventsOfAsync(product.Id);
        entries.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldReleased);
        entries[1].Hold.Should().Be(hold with { Status = HoldStatus.Released });
        entries[1].At.Should().BeOnOrAfter(hold.CreatedAt);
    }

    [Fact]
    public async Task Release_PastTheDeadline_AppendsHoldExpired()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await ReserveOkAsync(product, "alice");
        await WaitUntilPastAsync(hold.ExpiresAt);

        (await Gate.ReleaseAsync(hold.Id, hold.Customer, Ct)).IsSuccess.Should().BeTrue();

        var entries = await api.EventsOfAsync(product.Id);
        entries.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldExpired);
        entries[1].Hold.Should().Be(hold with { Status = HoldStatus.Expired });
        entries[1].At.Should().BeOnOrAfter(hold.ExpiresAt);
    }

    [Fact]
    public async Task Purchase_WithHoldPurchasedOn_AppendsOneEntryWithThePurchasedHold_AndARepeatAppendsNothing()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await ReserveOkAsync(product, "alice");

        (await Gate.PurchaseAsync(hold.Id, hold.Customer, Ct)).IsSuccess.Should().BeTrue();
        (await Gate.PurchaseAsync(hold.Id, hold.Customer, Ct)).IsSuccess.Should().BeTrue();

        var entries = await api.EventsOfAsync(product.Id);
        entries.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldPurchased);
        entries[1].Hold.Should().Be(hold with { Status = HoldStatus.Purchased });
    }

    [Fact]
    public async Task Purchase_PastTheDeadline_AppendsHoldExpired()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await ReserveOkAsync(product, "alice");
        await WaitUntilPastAsync(hold.ExpiresAt);

        (await Gate.PurchaseAsync(hold.Id, hold.Customer, Ct)).Error.Should().Be(Application.Holds.HoldErrors.HoldExpired);

        var entries = await api.EventsOfAsync(product.Id);
        entries.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldExpired);
        entries[1].Hold.Should().Be(hold with { Status = HoldStatus.Expired });
    }

    [Fact]
    public async Task Extend_BeforeTheDeadline_AppendsNothing()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 60);
        var hold = await ReserveOkAsync(product, "alice");

        (await Gate.ExtendAsync(new ExtendRequest(hold.Id, hold.Customer, 30, null), Ct)).IsSuccess.Should().BeTrue();

        (await api.EventsOfAsync(product.Id)).Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated);
    }

    [Fact]
    public async Task Extend_PastTheDeadline_AppendsHoldExpired()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var hold = await ReserveOkAsync(product, "alice");
        await WaitUntilPastAsync(hold.ExpiresAt);

        (await Gate.ExtendAsync(new ExtendRequest(hold.Id, hold.Customer, 30, null), Ct)).Error
            .Should().Be(Application.Holds.HoldErrors.HoldExpired);

        var entries = await api.EventsOfAsync(product.Id);
        entries.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldExpired);
        entries[1].Hold.Should().Be(hold with { Status = HoldStatus.Expired });
    }

    [Fact]
    public async Task ExpiryByTheSweeperScript_AppendsHoldExpiredForEachHoldItGaveBack()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldExpired);
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var (first, second) = (await ReserveOkAsync(product, "alice"), await ReserveOkAsync(product, "bob"));
        await WaitUntilDueAsync(first.ExpiresAt, second.ExpiresAt);

        // Earlier tests of this class may have left due holds in the same shard: the call expires those too, and the
        // entries of this product's holds say what it did with them.
        (await Expiry.ExpireDueAsync(api.Keys.ShardOf(product.Id), Ct)).Delays.Should().HaveCountGreaterThanOrEqualTo(2);

        var entries = await api.EventsOfAsync(product.Id);
        entries.Should().OnlyContain(e => e.Type == WebhookEventTypes.HoldExpired);
        entries.Select(e => e.Hold).Should().BeEquivalentTo([first with { Status = HoldStatus.Expired }, second with { Status = HoldStatus.Expired }]);
        entries.Should().OnlyContain(e => e.At >= e.Hold.ExpiresAt);
    }

    [Fact]
    public async Task ExpiryByAReservesLazyReclaim_AppendsHoldExpiredBeforeTheNewHoldsCreated()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 1, holdSeconds: 1);
        var abandoned = await ReserveOkAsync(product, "alice");
        await WaitUntilDueAsync(abandoned.ExpiresAt);

        // A reserve reclaims a few due holds of its shard, oldest first: earlier tests may have left some before hers.
        Result<Hold>? reserved = null;
        await Eventually.TrueAsync(async () => (reserved = await Gate.ReserveAsync(Request(product, "bob"), Ct)).IsSuccess, TimeSpan.FromSeconds(10));
        var next = reserved!.Value;

        var entries = await api.EventsOfAsync(product.Id);
        entries.Select(e => (e.Type, e.Hold)).Should().Equal(
            (WebhookEventTypes.HoldCreated, abandoned),
            (WebhookEventTypes.HoldExpired, abandoned with { Status = HoldStatus.Expired }),
            (WebhookEventTypes.HoldCreated, next));
    }

    [Fact]
    public async Task DeadLetter_AppendsOrderDeadLetteredWithThePurchasedHoldItsPurchaseTimeAndTheReason()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.OrderDeadLettered);
        var product = await api.CreateProductAsync(stock: 5);
        var hold = await ReserveOkAsync(product, "alice");
        (await Gate.PurchaseAsync(hold.Id, hold.Customer, Ct)).IsSuccess.Should().BeTrue();
        var outbox = api.Services.GetRequiredService<IPurchaseOutbox>();
        var purchase = (await outbox.ReadAsync(api.Keys.ShardOf(product.Id), 10_000, Ct)).Single(p => p.HoldId == hold.Id);

        (await outbox.DeadLetterAsync(purchase, "sold would exceed the total", Ct)).Should().BeTrue();
        (await outbox.DeadLetterAsync(purchase, "sold would exceed the total", Ct)).Should().BeFalse();

        var entry = (await api.EventsOfAsync(product.Id)).Should().ContainSingle().Subject;
        entry.Type.Should().Be(WebhookEventTypes.OrderDeadLettered);
        entry.Hold.Should().Be(hold with { Status = HoldStatus.Purchased });
        ((string?)entry.Raw["reason"]).Should().Be("sold would exceed the total");
        ((long)entry.Raw["purchased"]).Should().Be(purchase.PurchasedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task WithTheSwitchOff_NoChangeAppendsAnEntry()
    {
        await api.SwitchEventsAsync();
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 1);
        await RunEveryPathAsync(product);

        (await api.EventsOfAsync(product.Id)).Should().BeEmpty();
        (await api.Redis.KeyExistsAsync(api.Keys.EventTypes(api.Keys.ShardOf(product.Id)))).Should().BeFalse();
    }

    [Fact]
    public async Task WithOneTypeListed_OnlyChangesOfThatTypeAppendAnEntry()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldReleased);
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 1);
        var released = await RunEveryPathAsync(product);

        var entry = (await api.EventsOfAsync(product.Id)).Should().ContainSingle().Subject;
        (entry.Type, entry.Hold.Id).Should().Be((WebhookEventTypes.HoldReleased, released.Id));
    }

    [Fact]
    public async Task ACorruptEventStream_FailsEveryChangeWholeAndChangesNothing()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var (kept, due) = (await ReserveOkAsync(product, "alice"), await ReserveOkAsync(product, "bob"));
        await WaitUntilDueAsync(due.ExpiresAt);
        var before = await api.EventsOfAsync(product.Id);
        var stream = api.Keys.Events(shard);
        RedisKey saved = $"{stream}:saved";
        await api.Redis.KeyRenameAsync(stream, saved);
        await api.Redis.StringSetAsync(stream, "not a stream");
        try
        {
            var reserve = () => Gate.ReserveAsync(Request(product, "carol"), Ct);
            await reserve.Should().ThrowAsync<RedisServerException>().WithMessage("*WRONGTYPE*");
            var release = () => Gate.ReleaseAsync(kept.Id, kept.Customer, Ct);
            await release.Should().ThrowAsync<RedisServerException>().WithMessage("*WRONGTYPE*");
            var purchase = () => Gate.PurchaseAsync(kept.Id, kept.Customer, Ct);
            await purchase.Should().ThrowAsync<RedisServerException>().WithMessage("*WRONGTYPE*");
            var expire = () => Expiry.ExpireDueAsync(shard, Ct);
            await expire.Should().ThrowAsync<RedisServerException>().WithMessage("*WRONGTYPE*");

            var stored = (byte[])(await api.Redis.HashGetAsync(api.Keys.Holds(shard), Infrastructure.Redis.RedisKeys.HoldField(kept.Id)))!;
            ((char)stored[0]).Should().Be('h', "the hold is still held, though due");
            var ledger = await api.LedgerAsync(product.Id);
            ledger.Should().BeEquivalentTo(new { Available = 8, Held = 2, Purchasing = 0 }, "no call changed anything");
            ledger.ShouldBeBalanced();
        }
        finally
        {
            await api.Redis.KeyDeleteAsync(stream);
            await api.Redis.KeyRenameAsync(saved, stream);
        }

        (await api.EventsOfAsync(product.Id)).Select(e => e.Raw.Id).Should().Equal(before.Select(e => e.Raw.Id));
    }

    [Fact]
    public async Task ACorruptEventTypesKey_FailsTheCallWholeAndChangesNothing()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var switchKey = api.Keys.EventTypes(api.Keys.ShardOf(product.Id));
        await api.Redis.KeyDeleteAsync(switchKey);
        await api.Redis.HashSetAsync(switchKey, "types", WebhookEventTypes.HoldCreated);
        try
        {
            var reserve = () => Gate.ReserveAsync(Request(product, "alice"), Ct);

            await reserve.Should().ThrowAsync<RedisServerException>().WithMessage("*WRONGTYPE*");
            (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 10, Held = 0 });
        }
        finally
        {
            await api.SwitchEventsAsync(WebhookEventTypes.HoldCreated);
        }

        await ReserveOkAsync(product, "alice");
        (await api.EventsOfAsync(product.Id)).Should().ContainSingle();
    }

    [Fact]
    public async Task ConcurrentChangesRacingTheDeadline_WithEveryTypeOn_AppendOneEntryPerHoldAndPath()
    {
        await api.SwitchEventsAsync(GateTypes);
        var product = await api.CreateProductAsync(stock: 100, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var first = await ReserveManyAsync(product, "first", 130);
        first.Should().HaveCount(100, "the stock is 100");
        await WaitUntilPastAsync(first.Min(h => h.ExpiresAt) - TimeSpan.FromMilliseconds(100));

        var purchases = first.Where((_, i) => i % 3 == 0)
            .Select(async h => (h.Id, Outcome: await Gate.PurchaseAsync(h.Id, h.Customer, Ct))).ToList();
        var releases = first.Where((_, i) => i % 3 == 1).Select(h => Gate.ReleaseAsync(h.Id, h.Customer, Ct)).ToList();
        var expiries = Enumerable.Range(0, 3).Select(_ => Task.Run(() => ExpireUntilPastAsync(shard, first), Ct)).ToList();
        var second = Task.Run(async () =>
        {
            await WaitUntilDueAsync([.. first.Select(h => h.ExpiresAt)]);
            return await ReserveManyAsync(product, "second", 40);
        }, Ct);
        await Task.WhenAll([.. purchases, .. releases, .. expiries, second]);
        var holds = first.Concat(await second).ToList();
        await WaitUntilDueAsync([.. holds.Select(h => h.ExpiresAt)]);
        await ExpireUntilPastAsync(shard, holds);

        var statuses = (await Task.WhenAll(holds.Select(h => Gate.FindAsync(h.Id, Ct)))).ToDictionary(h => h!.Id, h => h!.Status);
        statuses.Values.Should().OnlyContain(s => s == HoldStatus.Purchased || s == HoldStatus.Released || s == HoldStatus.Expired);
        foreach (var (id, outcome) in await Task.WhenAll(purchases))
        {
            statuses[id].Should().Be(outcome.IsSuccess ? HoldStatus.Purchased : HoldStatus.Expired);
        }

        var entries = await api.EventsOfAsync(product.Id);
        entries.GroupBy(e => e.Hold.Id).Should().HaveCount(holds.Count);
        foreach (var byHold in entries.GroupBy(e => e.Hold.Id))
        {
            byHold.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, TypeOf(statuses[byHold.Key]));
            byHold.Last().Hold.Status.Should().Be(statuses[byHold.Key]);
        }

        entries.Count(e => e.Type == WebhookEventTypes.HoldCreated).Should().Be(holds.Count);
        foreach (var status in new[] { HoldStatus.Purchased, HoldStatus.Released, HoldStatus.Expired })
        {
            entries.Count(e => e.Type == TypeOf(status)).Should().Be(statuses.Values.Count(s => s == status), status.ToString());
        }

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Held = 0, Purchasing = statuses.Values.Count(s => s == HoldStatus.Purchased) });
        ledger.ShouldBeBalanced();
    }

    private static string TypeOf(HoldStatus status) => status switch
    {
        HoldStatus.Purchased => WebhookEventTypes.HoldPurchased,
        HoldStatus.Released => WebhookEventTypes.HoldReleased,
        HoldStatus.Expired => WebhookEventTypes.HoldExpired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an ending."),
    };

    /// <summary>A reserve, a release, a purchase, a release and a purchase past the deadline, an expiry by the sweeper
    /// script and one by a reserve's reclaim: answers the hold released before its deadline.</summary>
    private async Task<Hold> RunEveryPathAsync(ProductResponse product)
    {
        var released = await ReserveOkAsync(product, "released");
        (await Gate.ReleaseAsync(released.Id, released.Customer, Ct)).IsSuccess.Should().BeTrue();
        var bought = await ReserveOkAsync(product, "bought");
        (await Gate.PurchaseAsync(bought.Id, bought.Customer, Ct)).IsSuccess.Should().BeTrue();
        var late = await ReserveManyAsync(product, "late", 4);
        await WaitUntilDueAsync([.. late.Select(h => h.ExpiresAt)]);
        (await Gate.ReleaseAsync(late[0].Id, late[0].Customer, Ct)).IsSuccess.Should().BeTrue();
        (await Gate.PurchaseAsync(late[1].Id, late[1].Customer, Ct)).IsSuccess.Should().BeFalse();
        await ReserveOkAsync(product, "reclaimer");
        (await Expiry.ExpireDueAsync(api.Keys.ShardOf(product.Id), Ct)).Should().NotBeNull();
        var statuses = await Task.WhenAll(late.Select(h => Gate.FindAsync(h.Id, Ct)));
        statuses.Should().OnlyContain(h => h!.Status == HoldStatus.Expired);
        return released;
    }

    private async Task<Hold> ReserveOkAsync(ProductResponse product, string customer, int quantity = 1)
    {
        var result = await Gate.ReserveAsync(Request(product, customer, quantity), Ct);
        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        return result.Value;
    }

    /// <summary>Concurrent 1-unit reserves by <paramref name="count"/> customers: the holds taken.</summary>
    private async Task<List<Hold>> ReserveManyAsync(ProductResponse product, string prefix, int count)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Gate.ReserveAsync(Request(product, $"{prefix}-{i}"), Ct)));
        results.Where(r => !r.IsSuccess).Select(r => r.Error!.Code).Should().BeSubsetOf(["out-of-stock"]);
        return [.. results.Where(r => r.IsSuccess).Select(r => r.Value)];
    }

    private static ReserveRequest Request(ProductResponse product, string customer, int quantity = 1) =>
        new(product.Id, CustomerId.From(customer), Quantity.From(quantity), null);

    // Runs the sweeper's script until every bucket of these holds was due before a pass began.
    private async Task ExpireUntilPastAsync(int shard, IEnumerable<Hold> holds)
    {
        var due = holds.Max(h => ExpiryKeys.BucketDue(h.ExpiresAt)).AddMilliseconds(20);
        await Eventually.TrueAsync(async () =>
        {
            var passBegan = DateTimeOffset.UtcNow;
            await Expiry.ExpireDueAsync(shard, Ct);
            return passBegan > due;
        }, due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5));
    }

    private static Task WaitUntilPastAsync(DateTimeOffset instant) =>
        Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > instant.AddMilliseconds(20)),
            instant - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

    private static Task WaitUntilDueAsync(params DateTimeOffset[] deadlines) => WaitUntilPastAsync(deadlines.Max(ExpiryKeys.BucketDue));
}

public sealed class GateEventScriptTests(ReservationsApiFactory api) : GateEventScripts(api), IClassFixture<ReservationsApiFactory>;
