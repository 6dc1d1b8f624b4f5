using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.DrainGateEvents;
using Reservations.UnitTests.Application.Holds;

namespace Reservations.UnitTests.Application.Webhooks.DrainGateEvents;

public class DrainGateEventsHandlerTests
{
    private readonly IGateEventOutbox _outbox = Substitute.For<IGateEventOutbox>();
    private readonly IWebhookEventStore _store = Substitute.For<IWebhookEventStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenEventsAreWaiting_StoresThemAsWebhookEventsThenAcknowledgesThem()
    {
        GateEvent[] events =
        [
            new("rsv:{s2}:events", "1-0", WebhookEventTypes.HoldCreated, TestHolds.CreatedAt, TestHolds.Create()),
            new("rsv:{s2}:events", "1-1", WebhookEventTypes.HoldReleased, TestHolds.CreatedAt.AddSeconds(1), TestHolds.Create("bob")),
        ];
        _outbox.ReadAsync(2, 50, _ct).Returns(events);
        IReadOnlyList<WebhookEvent>? stored = null;
        await _store.AppendAsync(Arg.Do<IReadOnlyList<WebhookEvent>>(e => stored = e), _ct);

        var drained = await Handle(new DrainGateEventsCommand(2, 50));

        drained.Should().Be(2);
        stored.Should().Equal(events.Select(e => e.ToWebhookEvent()));
        Received.InOrder(() =>
        {
            _store.AppendAsync(Arg.Any<IReadOnlyList<WebhookEvent>>(), _ct);
            _outbox.AcknowledgeAsync(2, events, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_WhenTheStoreFails_LeavesTheEventsPendingAndThrows()
    {
        GateEvent[] events = [new("rsv:{s0}:events", "1-0", WebhookEventTypes.HoldCreated, TestHolds.CreatedAt, TestHolds.Create())];
        _outbox.ReadAsync(0, 10, _ct).Returns(events);
        _store.AppendAsync(Arg.Any<IReadOnlyList<WebhookEvent>>(), _ct).ThrowsAsync(new InvalidOperationException("PostgreSQL is down"));

        var handle = () => Handle(new DrainGateEventsCommand(0, 10));

        await handle.Should().ThrowAsync<InvalidOperationException>();
        await _outbox.DidNotReceiveWithAnyArgs().AcknowledgeAsync(default, default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenTheOutboxIsEmpty_StoresAndAcknowledgesNothing()
    {
        _outbox.ReadAsync(1, 10, _ct).Returns([]);

        var drained = await Handle(new DrainGateEventsCommand(1, 10));

        drained.Should().Be(0);
        await _store.DidNotReceiveWithAnyArgs().AppendAsync(default!, _ct);
        await _outbox.DidNotReceiveWithAnyArgs().AcknowledgeAsync(default, default!, _ct);
    }

    private async Task<int> Handle(DrainGateEventsCommand command) =>
        await new DrainGateEventsHandler(_outbox, _store).Handle(command, _ct);
}
