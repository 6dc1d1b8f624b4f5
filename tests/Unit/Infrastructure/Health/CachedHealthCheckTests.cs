using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reservations.Infrastructure.Health;

namespace Reservations.UnitTests.Infrastructure.Health;

public sealed class CachedHealthCheckTests
{
    private readonly SteppedClock _clock = new();
    private readonly CountingCheck _inner = new();
    private readonly CachedHealthCheck<CountingCheck> _cached;

    public CachedHealthCheckTests()
    {
        var services = new ServiceCollection().AddSingleton(_inner).BuildServiceProvider();
        _cached = new CachedHealthCheck<CountingCheck>(services.GetRequiredService<IServiceScopeFactory>(), _clock);
    }

    [Fact]
    public async Task CallsWithinASecond_RunTheCheckOnce()
    {
        await CheckAsync();
        _clock.Advance(CachedHealthCheck<CountingCheck>.MaxAge - TimeSpan.FromMilliseconds(1));
        var second = await CheckAsync();

        _inner.Runs.Should().Be(1);
        second.Description.Should().Be("run 1");
    }

    [Fact]
    public async Task ACallAfterASecond_RunsTheCheckAgain()
    {
        await CheckAsync();
        _clock.Advance(CachedHealthCheck<CountingCheck>.MaxAge);
        var second = await CheckAsync();

        _inner.Runs.Should().Be(2);
        second.Description.Should().Be("run 2");
    }

    [Fact]
    public async Task ConcurrentCalls_ShareOneRun()
    {
        _inner.Pending = new TaskCompletionSource();
        var calls = Enumerable.Range(0, 20).Select(_ => CheckAsync()).ToList();
        _inner.Pending.SetResult();

        var results = await Task.WhenAll(calls);

        _inner.Runs.Should().Be(1);
        results.Should().OnlyContain(r => r.Description == "run 1");
    }

    [Fact]
    public async Task ACheckThatThrows_IsReportedWithItsFailureStatus()
    {
        _inner.Failure = new InvalidOperationException("boom");

        var result = await CheckAsync();

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Exception.Should().BeSameAs(_inner.Failure);
    }

    private Task<HealthCheckResult> CheckAsync() => _cached.CheckHealthAsync(
        new HealthCheckContext { Registration = new HealthCheckRegistration("inner", _inner, HealthStatus.Unhealthy, tags: null) },
        TestContext.Current.CancellationToken);

    internal sealed class CountingCheck : IHealthCheck
    {
        private int _runs;

        public int Runs => _runs;

        public TaskCompletionSource? Pending { get; set; }

        public Exception? Failure { get; set; }

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var run = Interlocked.Increment(ref _runs);
            if (Pending is { } pending)
            {
                await pending.Task;
            }

            return Failure is { } failure ? throw failure : HealthCheckResult.Healthy($"run {run}");
        }
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
