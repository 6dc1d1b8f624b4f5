using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reservations.Application.Common.Ports;
using Reservations.Domain.Products;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The first step of an adjustment alone (what an API that died after it leaves), and a Worker that completes it.</summary>
public static class PendingAdjustments
{
    public static async Task<StockAdjustment> RecordOnlyAsync(this ReservationsApiFactory api, Guid productId, int delta)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<ICatalog>().RecordAdjustmentAsync(
            new StockAdjustment(productId, delta, "admin", null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        return recorded.Value.Adjustment;
    }

    /// <summary>A Worker that looks for pending adjustments five times a second and completes them at once.</summary>
    public static Task<IHost> StartCompletingWorkerAsync(this ReservationsApiFactory api) =>
        TestWorker.StartAsync(api, ("Worker:AdjustmentInterval", "00:00:00.200"), ("Worker:AdjustmentGrace", "00:00:00"));

    public static Task UntilNonePendingAsync(this ReservationsApiFactory api, Guid productId) =>
        Eventually.TrueAsync(
            async () => await api.AdjustmentCountAsync(productId, StockAdjustmentStatus.Pending) == 0, TimeSpan.FromSeconds(20));
}
