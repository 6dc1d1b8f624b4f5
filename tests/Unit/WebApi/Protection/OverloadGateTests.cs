using Microsoft.Extensions.Options;
using Reservations.WebApi.Protection;

namespace Reservations.UnitTests.WebApi.Protection;

public class OverloadGateTests
{
    [Fact]
    public async Task ALeaseDisposedTwice_GivesBackOneSlot()
    {
        // A stream gives its slot back when it starts and the middleware disposes the lease again at the end.
        using var gate = new OverloadGate(Options.Create(new RateLimitingOptions { ConcurrentRequests = 1, QueuedRequests = 0 }));
        var lease = await gate.EnterAsync(TestContext.Current.CancellationToken);

        lease!.Dispose();
        lease.Dispose();
        using var next = await gate.EnterAsync(TestContext.Current.CancellationToken);
        using var beyond = await gate.EnterAsync(TestContext.Current.CancellationToken);

        next.Should().NotBeNull();
        beyond.Should().BeNull();
    }
}
