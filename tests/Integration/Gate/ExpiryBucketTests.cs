using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.Infrastructure.Redis.Scripts.Reserve;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

/// <summary>
/// The expiry index by time bucket and the hourly hashes of ended holds (docs/decisions/006): what pops a bucket
/// touches, what it leaves alone, and what stays readable once a hold has left the live hash.
/// </summary>
public sealed class ExpiryBucketTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private IHoldGate Gate => api.Services.GetRequiredService<IHoldGate>();

    private IHoldExpiry Expiry => api.Services.GetRequiredService<IHoldExpiry>();

    private IDatabase Redis => api.Redis;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABucketPoppedWhenDue_LeavesHoldsPurchasedOrReleasedBeforeAsTheyWereAndExpiresTheRest()
    {
        var (product, shard) = await OnAQuietShardAsync(stock: 3);
        var (alice, bob, carol) = (Client("alice"), Client("bob"), Client("carol"));
        var (bought, released, abandoned) =
            (await alice.ReserveOkAsync(product.Id), await bob.ReserveOkAsync(product.Id), await carol.ReserveOkAsync(product.Id));
        (await alice.PurchaseAsync(bought.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bob.ReleaseAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await WaitUntilDueAsync(bought.ExpiresAt, released.ExpiresAt, abandoned.ExpiresAt);

        var delays = (await Expiry.ExpireDueAsync(shard, Ct)).Delays;

        delays.Should().ContainSingle("only carol's hold was still held");
        (await StatusAsync(alice, bought.Id)).Should().Be(HoldStatus.Purchased);
        (await StatusAsync(bob, released.Id)).Should().Be(HoldStatus.Released);
        (await StatusAsync(carol, abandoned.Id)).Should().Be(HoldStatus.Expired);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 2, Held = 0, Purchasing = 1 });
        ledger.ShouldBeBalanced();
        (await Expiry.ExpireDueAsync(shard, Ct)).Delays.Should().BeEmpty("a popped bucket is gone");
        (await Redis.SortedSetLengthAsync(api.Keys.Due(shard))).Should().Be(0, "an emptied bucket leaves the index");
    }

    [Fact]
    public async Task AnEndedHold_LeavesTheLiveHashAndStaysReadableAndIdempotentFromItsHourlyHash()
    {
        var product = await api.CreateProductAsync(stock: 2);
        var shard = api.Keys.ShardOf(product.Id);
        var alice = Client("alice");
        var (kept, released) = (await alice.ReserveOkAsync(product.Id), await alice.ReserveOkAsync(product.Id));

        (await alice.ReleaseAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Redis.HashExistsAsync(api.Keys.Holds(shard), RedisKeys.HoldField(released.Id))).Should().BeFalse();
        (await Redis.HashExistsAsync(api.Keys.Holds(shard), RedisKeys.HoldField(kept.Id))).Should().BeTrue();
        (await StatusAsync(alice, released.Id)).Should().Be(HoldStatus.Released);
        (await alice.ReleaseAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await alice.PurchaseAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.Gone);
        (await Client("mallory").GetReservationAsync(released.Id)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var ended = await EndedHashAsync(shard, released.Id);
        var ttl = (await Redis.KeyTimeToLiveAsync(ended))!.Value;
        ttl.Should().BeGreaterThan(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1)).And.BeLessThanOrEqualTo(TimeSpan.FromHours(25));
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 1, Held = 1 });
    }

    [Fact]
    public async Task HoldIdsOfAnyBytes_GoThroughTheirBucketAndTheEndedHash()
    {
        var (product, shard) = await OnAQuietShardAsync(stock: 10);
        // NUL, CR LF, 0xFF, the separators the scripts use ('|', ':') and a lone UTF-8 continuation byte; byte 6 keeps
        // the version-7 nibble, so that the gate takes the id as one it issued.
        byte[][] fields =
        [
            [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x70, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
            [0xFF, 0x0D, 0x0A, (byte)'|', (byte)':', 0x80, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            [0x01, (byte)'b', (byte)':', (byte)'1', 0x0D, 0x0A, 0x70, 0x00, (byte)'|', 0xC0, 0x80, 0x00, 0x0A, 0x0D],
        ];
        var requests = fields.Select((f, i) => (
            new ReserveRequest(product.Id, CustomerId.From($"odd-{i}"), Quantity.From(2), null), (RedisValue)f)).ToList();
        var (keys, values) = new ReserveScript(api.Keys).Arguments(shard, requests);
        var replies = (RedisResult[])(await Redis.ScriptEvaluateAsync(ReserveScript.Text, keys, values))!;
        replies.Select(r => (string)((RedisResult[])r!)[0]!).Should().OnlyContain(status => status == "reserved");
        var ids = fields.Select(f => RedisKeys.HoldOfField(shard, f)).ToList();
        (await Gate.ReleaseAsync(ids[1], CustomerId.From("odd-1"), Ct)).IsSuccess.Should().BeTrue();
        var deadline = (await Gate.FindAsync(ids[0], Ct))!.ExpiresAt;
        await WaitUntilDueAsync(deadline);

        (await Expiry.ExpireDueAsync(shard, Ct)).Delays.Should().HaveCount(2);

        (await Task.WhenAll(ids.Select(id => Gate.FindAsync(id, Ct)))).Select(h => h!.Status)
            .Should().Equal(HoldStatus.Expired, HoldStatus.Released, HoldStatus.Expired);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 10, Held = 0 });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_WhenADueBucketIsCorrupt_Answers500AndWritesNothing()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var hold = await Client("alice").ReserveOkAsync(product.Id);
        await WaitUntilDueAsync(hold.ExpiresAt);
        var bucket = api.Bucket(shard, ExpiryKeys.BucketSecond(hold.ExpiresAt));
        var ids = await Redis.ListRangeAsync(bucket);
        await Redis.KeyDeleteAsync(bucket);
        await Redis.StringSetAsync(bucket, "x");
        try
        {
            var response = await Client("bob").ReserveAsync(product.Id);

            await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
            (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 4, Held = 1 });
        }
        finally
        {
            await Redis.KeyDeleteAsync(bucket);
            await Redis.ListRightPushAsync(bucket, ids);
        }

        (await Client("bob").ReserveAsync(product.Id)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 4, Held = 1 }, "bob's reserve reclaimed alice's hold first");
    }

    [Theory]
    [MemberData(nameof(CorruptHolds.Kinds), MemberType = typeof(CorruptHolds))]
    public async Task ExpiringDueHolds_WithOneCorrupt_SetsItAsideWithTheReasonAndExpiresTheOthers(string corruption, string reason)
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var holds = await api.HoldManyAsync(product.Id, 3, corruption);
        var stored = await api.CorruptHoldAsync(holds[1].Id, corruption);
        await WaitUntilDueAsync([.. holds.Select(h => h.ExpiresAt)]);

        var expiry = await Expiry.ExpireDueAsync(shard, Ct);

        var quarantined = expiry.Quarantined.Should().ContainSingle().Subject;
        quarantined.HoldId.Should().Be(holds[1].Id.ToString());
        quarantined.Reason.Should().StartWith(reason);
        var entry = await QuarantineEntryAsync(shard, holds[1].Id);
        ((string?)entry["kind"]).Should().Be("hold");
        ((byte[])entry["value"]!).Should().Equal(stored);
        ((string?)entry["reason"]).Should().Be(quarantined.Reason);
        (await Redis.HashExistsAsync(api.Keys.Holds(shard), RedisKeys.HoldField(holds[1].Id))).Should().BeFalse();
        (await Gate.FindAsync(holds[0].Id, Ct))!.Status.Should().Be(HoldStatus.Expired);
        (await Gate.FindAsync(holds[2].Id, Ct))!.Status.Should().Be(HoldStatus.Expired);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 4, Held = 1 }, "the unit of the hold set aside stays held until an operator settles it");
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_WhenADueHoldIsCorrupt_ReservesAndLeavesTheCorruptHoldForTheWorkerToSetAside()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var corrupt = await Client("alice").ReserveOkAsync(product.Id);
        var stored = await api.CorruptHoldAsync(corrupt.Id, "truncated");
        await WaitUntilDueAsync(corrupt.ExpiresAt);

        (await Client("bob").ReserveAsync(product.Id)).StatusCode.Should().Be(HttpStatusCode.Created);

        ((byte[])(await Redis.HashGetAsync(api.Keys.Holds(shard), RedisKeys.HoldField(corrupt.Id)))!).Should().Equal(stored);
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 3, Held = 2 });
        (await Expiry.ExpireDueAsync(shard, Ct)).Quarantined.Should().ContainSingle().Which.HoldId.Should().Be(corrupt.Id.ToString());
    }

    [Fact]
    public async Task ConcurrentExpiries_OfDueHoldsWithCorruptOnes_SetEachAsideOnceAndExpireEveryOtherHoldOnce()
    {
        var product = await api.CreateProductAsync(stock: 300, holdSeconds: 1);
        var shard = api.Keys.ShardOf(product.Id);
        var holds = await api.HoldManyAsync(product.Id, 300, "crowd");
        var corrupt = holds.Where((_, i) => i % 50 == 7).Select(h => h.Id).ToList();
        foreach (var holdId in corrupt)
        {
            await api.CorruptHoldAsync(holdId, "truncated");
        }

        await WaitUntilDueAsync([.. holds.Select(h => h.ExpiresAt)]);

        var expiries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Expiry.ExpireDueAsync(shard, Ct), Ct)));

        expiries.SelectMany(e => e.Quarantined).Select(q => q.HoldId).Should().BeEquivalentTo(corrupt.Select(id => id.ToString()));
        foreach (var holdId in corrupt)
        {
            await QuarantineEntryAsync(shard, holdId);
        }

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 294, Held = 6 }, "each healthy hold expired once, each corrupt one stays held");
        ledger.ShouldBeBalanced();
    }

    private HttpClient Client(string customer) => api.CreateClient(Tokens.Customer(customer));

    // A product of one-second holds on a shard where the earlier tests of this class left nothing live or due: a test
    // that counts what popping the shard's buckets expires then counts only its own holds.
    private async Task<(ProductResponse Product, int Shard)> OnAQuietShardAsync(int stock)
    {
        for (var attempt = 0; ; attempt++)
        {
            attempt.Should().BeLessThan(50 * api.Keys.Shards, "some shard has nothing live or due");
            var product = await api.CreateProductAsync(stock, holdSeconds: 1);
            var shard = api.Keys.ShardOf(product.Id);
            if (await Redis.SortedSetLengthAsync(api.Keys.Due(shard)) == 0 && await Redis.HashLengthAsync(api.Keys.Holds(shard)) == 0)
            {
                return (product, shard);
            }
        }
    }

    /// <summary>The one entry of the shard's quarantine stream that set this hold aside.</summary>
    private async Task<StreamEntry> QuarantineEntryAsync(int shard, Guid holdId)
    {
        var field = RedisKeys.HoldField(holdId);
        var entries = await Redis.StreamRangeAsync(api.Keys.Quarantine(shard));
        return entries.Where(e => ((byte[])e["hold"]!).SequenceEqual(field)).Should().ContainSingle().Subject;
    }

    private async Task<RedisKey> EndedHashAsync(int shard, Guid holdId)
    {
        var hour = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600;
        foreach (var candidate in new[] { hour, hour - 1 })
        {
            RedisKey key = $"{api.KeyPrefix}:{{s{shard}}}:ended:{candidate}";
            if (await Redis.HashExistsAsync(key, RedisKeys.HoldField(holdId)))
            {
                return key;
            }
        }

        throw new InvalidOperationException("The ended hold is in no hourly hash.");
    }

    private static async Task<HoldStatus> StatusAsync(HttpClient owner, Guid holdId) =>
        (await (await owner.GetReservationAsync(holdId)).ShouldBeJsonAsync<Application.Holds.ReservationResponse>(HttpStatusCode.OK)).Status;

    private static async Task WaitUntilDueAsync(params DateTimeOffset[] deadlines)
    {
        var due = deadlines.Max(ExpiryKeys.BucketDue).AddMilliseconds(20);
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > due), due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
    }
}
