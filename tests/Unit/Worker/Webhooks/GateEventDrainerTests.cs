using System.Collections.Concurrent;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Reservations.Application.Webhooks.DrainGateEvents;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Webhooks;

namespace Reservations.UnitTests.Worker.Webhooks;

public class GateEventDrainerTests
{
    private const int BatchSize = 10;
    private readonly ConcurrentDictionary<int, int> _calls = new();
    private readonly ISender _sender = Substitute.For<ISender>();
    private readonly IGateEventOutbox _outbox = Substitute.For<IGateEventOutbox>();

    public GateEventDrainerTests() => _outbox.Shards.Returns(3);

    [Fact]
    public async Task Drain_WhenOneShardKeepsFailing_KeepsDrainingTheOthers()
    {
        GivenDrains(shard => shard == 1 ? throw new InvalidOperationException("corrupt key") : 0);

        await RunUntilAsync(TimeSpan.FromMilliseconds(10), () => _calls.GetValueOrDefault(0) >= 3 && _calls.GetValueOrDefault(2) >= 3 && _calls.GetValueOrDefault(1) >= 2);

        _calls.GetValueOrDefault(1).Should().BeGreaterThanOrEqualTo(2, "a failing shard is retried");
    }

    [Fact]
    public async Task Drain_AfterAFullBatch_ReadsTheShardAgainWithoutWaiting()
    {
        // A full batch five times, then an empty outbox: the five follow each other without the idle poll of an hour.
        GivenDrains(shard => shard == 0 && _calls[0] <= 5 ? BatchSize : 0);

        await RunUntilAsync(TimeSpan.FromHours(1), () => _calls.GetValueOrDefault(0) >= 6);

        _calls[0].Should().Be(6, "after the empty read the shard waits for the next poll");
    }

    private void GivenDrains(Func<int, int> drained)
    {
#pragma warning disable CA2012 // NSubstitute's arrangement: the ValueTask of this call is never consumed.
        _sender.Send(Arg.Any<DrainGateEventsCommand>(), Arg.Any<CancellationToken>()).Returns(call =>
#pragma warning restore CA2012
        {
            var shard = call.Arg<DrainGateEventsCommand>().Shard;
            call.Arg<DrainGateEventsCommand>().Max.Should().Be(BatchSize);
            _calls.AddOrUpdate(shard, 1, (_, n) => n + 1);
            return ValueTask.FromResult(drained(shard));
        });
    }

    private async Task RunUntilAsync(TimeSpan idlePoll, Func<bool> condition)
    {
        var services = new ServiceCollection().AddSingleton(_sender).BuildServiceProvider();
        var options = Options.Create(new GateEventDrainerOptions { IdlePoll = idlePoll, BatchSize = BatchSize });
        using var drainer = new GateEventDrainer(
            services.GetRequiredService<IServiceScopeFactory>(), _outbox, options, NullLogger<GateEventDrainer>.Instance);
        await drainer.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(20));

        await drainer.StopAsync(TestContext.Current.CancellationToken);
    }
}
