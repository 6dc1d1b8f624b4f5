using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.DrainGateEvents;
using Reservations.Infrastructure.Redis;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

/// <summary>The Redis adapter of the gate's event outbox: a consumer group per shard's event stream. Run on one Redis
/// node and on the cluster.</summary>
public abstract class GateEventOutbox(ReservationsApiFactory api)
{
    private const string Group = "webhooks";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_GivesEachEventWithItsHoldAsTheApiAnswers_AndAcknowledgingRemovesIt()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldPurchased);
        var product = await api.CreateProductAsync(stock: 5);
        var shard = api.Keys.ShardOf(product.Id);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var reserved = await alice.ReserveAsync(product.Id);
        var hold = await reserved.ShouldBeJsonAsync<Application.Holds.ReservationResponse>(HttpStatusCode.Created);
        var purchased = await alice.PurchaseAsync(hold.Id);
        purchased.StatusCode.Should().Be(HttpStatusCode.OK);
        var outbox = NewConsumer();

        var events = (await outbox.ReadAsync(shard, 1000, Ct)).Where(e => e.Hold.Id == hold.Id).ToList();

        events.Select(e => e.Type).Should().Equal(WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldPurchased);
        events[0].ToWebhookEvent().Data.Should().Be(await reserved.Content.ReadAsStringAsync(Ct));
        events[1].ToWebhookEvent().Data.Should().Be(await purchased.Content.ReadAsStringAsync(Ct));
        events.Should().OnlyContain(e => e.Outbox == api.Keys.Events(shard).ToString());

        await outbox.AcknowledgeAsync(shard, events, Ct);

        var ids = events.Select(e => (RedisValue)e.EntryId).ToHashSet();
        (await api.Redis.StreamRangeAsync(api.Keys.Events(shard))).Should().NotContain(e => ids.Contains(e.Id));
        (await PendingAsync(shard)).Should().NotContain(p => ids.Contains(p.MessageId));
        (await outbox.ReadAsync(shard, 1000, Ct)).Should().NotContain(e => e.Hold.Id == hold.Id);
    }

    [Fact]
    public async Task EventsNotAcknowledged_AreReadAgainFirst_AndAfterTheConsumerDiedAnotherTakesThemOverWithTheSameIds()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldCreated);
        var product = await api.CreateProductAsync(stock: 5);
        var shard = api.Keys.ShardOf(product.Id);
        var holds = await api.HoldManyAsync(product.Id, 3, "taken");
        var mine = holds.Select(h => h.Id).ToHashSet();
        var reclaimAfter = TimeSpan.FromMilliseconds(500);
        var crashed = NewConsumer(reclaimAfter);
        var read = (await crashed.ReadAsync(shard, 1000, Ct)).Where(e => mine.Contains(e.Hold.Id)).ToList();
        read.Should().HaveCount(3);
        (await crashed.ReadAsync(shard, 1000, Ct)).Where(e => mine.Contains(e.Hold.Id)).Select(e => e.EntryId)
            .Should().BeEquivalentTo(read.Select(e => e.EntryId), "a consumer reads what it did not finish first");

        var successor = NewConsumer(reclaimAfter);
        var taken = new List<GateEvent>();
        await Eventually.TrueAsync(async () =>
        {
            var batch = await successor.ReadAsync(shard, 1000, Ct);
            await successor.AcknowledgeAsync(shard, batch, Ct);
            taken.AddRange(batch.Where(e => mine.Contains(e.Hold.Id)));
            return taken.Count == 3;
        }, reclaimAfter + TimeSpan.FromSeconds(10));

        taken.Select(e => e.ToWebhookEvent()).Should().BeEquivalentTo(read.Select(e => e.ToWebhookEvent()));
        var ids = read.Select(e => (RedisValue)e.EntryId).ToHashSet();
        (await api.Redis.StreamRangeAsync(api.Keys.Events(shard))).Should().NotContain(e => ids.Contains(e.Id));
        (await PendingAsync(shard)).Should().NotContain(p => ids.Contains(p.MessageId));
    }

    [Fact]
    public async Task AnUnreadableEntry_GoesToTheQuarantineStreamWithTheReason_AndTheEntriesAroundItAreRead()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldCreated);
        var product = await api.CreateProductAsync(stock: 5);
        var shard = api.Keys.ShardOf(product.Id);
        var stream = api.Keys.Events(shard);
        var outbox = NewConsumer();
        var before = (await api.HoldManyAsync(product.Id, 1, "before"))[0];
        var garbled = await api.Redis.StreamAddAsync(stream,
            [new("type", WebhookEventTypes.HoldCreated), new("hold", RedisKeys.HoldField(before.Id)), new("value", "garbled"), new("at", "1")]);
        var unknown = await api.Redis.StreamAddAsync(stream,
            [new("type", "hold.teleported"), new("hold", RedisKeys.HoldField(before.Id)), new("value", "x"), new("at", "1")]);
        var after = (await api.HoldManyAsync(product.Id, 1, "after"))[0];

        var events = await outbox.ReadAsync(shard, 1000, Ct);

        events.Where(e => e.Hold.Lines[0].ProductId == product.Id).Select(e => e.Hold.Id).Should().Equal(before.Id, after.Id);
        var quarantined = (await api.Redis.StreamRangeAsync(api.Keys.Quarantine(shard)))
            .Where(e => e["entry"] == garbled || e["entry"] == unknown).ToList();
        quarantined.Select(e => (string?)e["type"]).Should().Equal(WebhookEventTypes.HoldCreated, "hold.teleported");
        quarantined.Should().OnlyContain(e => ((string)e["reason"]!).StartsWith("unreadable: ", StringComparison.Ordinal));
        ((string?)quarantined[1]["reason"]).Should().Contain("hold.teleported");
        (await api.Redis.StreamRangeAsync(stream)).Should().NotContain(e => e.Id == garbled || e.Id == unknown);
        (await PendingAsync(shard)).Should().NotContain(p => p.MessageId == garbled || p.MessageId == unknown);
        await outbox.AcknowledgeAsync(shard, events, Ct);
    }

    [Fact]
    public async Task Acknowledge_OfEventsOfAnotherShard_IsRefused()
    {
        await api.SwitchEventsAsync(WebhookEventTypes.HoldCreated);
        var product = await api.CreateProductAsync(stock: 5);
        var shard = api.Keys.ShardOf(product.Id);
        var hold = (await api.HoldManyAsync(product.Id, 1, "alice"))[0];
        var outbox = NewConsumer();
        var events = (await outbox.ReadAsync(shard, 1000, Ct)).Where(e => e.Hold.Id == hold.Id).ToList();

        var acknowledge = () => outbox.AcknowledgeAsync((shard + 1) % api.Keys.Shards, events, Ct);

        await acknowledge.Should().ThrowAsync<ArgumentException>();
        (await PendingAsync(shard)).Should().Contain(p => p.MessageId == events[0].EntryId);
        await outbox.AcknowledgeAsync(shard, events, Ct);
    }

    private RedisGateEventOutbox NewConsumer(TimeSpan? reclaimAfter = null) => new(
        api.Services.GetRequiredService<IConnectionMultiplexer>(), api.Keys,
        Options.Create(new RedisGateOptions { PendingReclaimAfter = reclaimAfter ?? TimeSpan.FromSeconds(30) }),
        NullLogger<RedisGateEventOutbox>.Instance);

    private async Task<StreamPendingMessageInfo[]> PendingAsync(int shard) =>
        await api.Redis.StreamPendingMessagesAsync(api.Keys.Events(shard), Group, 10_000, RedisValue.Null);
}

public sealed class GateEventOutboxTests(ReservationsApiFactory api) : GateEventOutbox(api), IClassFixture<ReservationsApiFactory>;
