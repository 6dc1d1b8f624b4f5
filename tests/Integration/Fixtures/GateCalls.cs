using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Many holds and purchases at once, straight on the gate (no HTTP), for Worker and expiry tests.</summary>
public static class GateCalls
{
    /// <summary>One 1-unit hold for each of <paramref name="count"/> customers named <c>{customerPrefix}-{i}</c>.</summary>
    public static async Task<Hold[]> HoldManyAsync(this ReservationsApiFactory api, Guid productId, int count, string customerPrefix)
    {
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => gate.ReserveAsync(
            new ReserveRequest(productId, CustomerId.From($"{customerPrefix}-{i}"), Quantity.From(1), null), TestContext.Current.CancellationToken)));
        results.Should().OnlyContain(r => r.IsSuccess);
        return [.. results.Select(r => r.Value)];
    }

    public static async Task PurchaseAllAsync(this ReservationsApiFactory api, IEnumerable<Hold> holds)
    {
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var results = await Task.WhenAll(holds.Select(h => gate.PurchaseAsync(h.Id, h.Customer, TestContext.Current.CancellationToken)));
        results.Should().OnlyContain(r => r.IsSuccess);
    }
}
