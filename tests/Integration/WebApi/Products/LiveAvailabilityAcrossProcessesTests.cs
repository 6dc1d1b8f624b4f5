using System.Diagnostics;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

// A delivery deadline and a process stopped on time: timing that needs the machine to themselves.
[Collection(RunsAlone.Name)]
public sealed class LiveAvailabilityAcrossProcessesTests(ReservationsApiFactory api)
    : LiveAvailabilityAcrossProcessesSuite(api), IClassFixture<ReservationsApiFactory>;

[Collection(RunsAlone.Name)]
public sealed class LiveAvailabilityAcrossProcessesOnClusterTests(ClusterApiFactory api)
    : LiveAvailabilityAcrossProcessesSuite(api), IClassFixture<ClusterApiFactory>;

/// <summary>Live availability between the test's API host and another API running as a process of its own.</summary>
public abstract class LiveAvailabilityAcrossProcessesSuite(ReservationsApiFactory api)
{
    [Fact]
    public async Task AReserveOnEitherInstance_ReachesASubscriberOnTheOtherWithinASecond()
    {
        var product = await api.CreateProductAsync(stock: 10);
        using var other = await ApiProcess.StartAsync(api);
        using var otherClient = other.CreateClient();
        await using var onOther = await otherClient.OpenStreamAsync(product.Id);
        await using var onThis = await api.CreateClient(token: null).OpenStreamAsync(product.Id);
        (await onOther.NextEventAsync()).Data.Available.Should().Be(10);
        (await onThis.NextEventAsync()).Data.Available.Should().Be(10);

        await api.CreateClient(Tokens.Customer("alice")).ReserveOkAsync(product.Id, quantity: 3);
        var reservedHere = DateTimeOffset.UtcNow;
        var seenThere = await onOther.NextEventAsync();
        (await onThis.NextEventAsync()).Data.Available.Should().Be(7);
        otherClient.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Customer("bob"));
        await otherClient.ReserveOkAsync(product.Id, quantity: 2);
        var reservedThere = DateTimeOffset.UtcNow;
        var seenHere = await onThis.NextEventAsync();

        seenThere.Data.Should().BeEquivalentTo(new { Available = 7, Held = 3, Sold = 0 });
        (seenThere.ReceivedAt - reservedHere).Should().BeLessThan(TimeSpan.FromSeconds(1));
        seenHere.Data.Should().BeEquivalentTo(new { Available = 5, Held = 5, Sold = 0 });
        (seenHere.ReceivedAt - reservedThere).Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AnInstanceStopped_EndsItsOpenStreams_AndExitsWithoutWaitingForThem()
    {
        var product = await api.CreateProductAsync(stock: 10);
        using var other = await ApiProcess.StartAsync(api);
        using var otherClient = other.CreateClient();
        await using var stream = await otherClient.OpenStreamAsync(product.Id);
        await stream.NextEventAsync();

        var stopping = Stopwatch.StartNew();
        var exitCode = await other.TerminateAsync(TimeSpan.FromSeconds(30));

        // Kestrel gives open requests the host's shutdown timeout (30 s) before it cuts them.
        exitCode.Should().Be(0);
        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        await stream.Completion.WaitAsync(StreamCalls.Patience, TestContext.Current.CancellationToken);
        stream.Completion.IsCompletedSuccessfully.Should().BeTrue();
    }
}
