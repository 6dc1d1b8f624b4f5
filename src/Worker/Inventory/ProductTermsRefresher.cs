using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Products.RefreshTerms;

namespace Reservations.Worker.Inventory;

/// <summary>
/// Every <see cref="WorkerOptions.TermsRefreshInterval"/>, writes the gate's terms again from PostgreSQL for the products
/// updated since its last pass that wrote them all began (less <see cref="ClockMargin"/>; every product on its first
/// pass). An edit whose request could not reach Redis after its commit, or whose terms a concurrent write overtook,
/// reaches the gate so. A product whose terms cannot be written is logged and does not stop the others; the next pass
/// looks as far back again. Terms only: stock and holds are never touched.
/// </summary>
public sealed partial class ProductTermsRefresher(
    IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<ProductTermsRefresher> logger)
    : BackgroundService
{
    /// <summary>
    /// How far back each pass looks beyond the last one: products' updated_at comes from the API's clock, which may run
    /// behind this one, and an edit may commit a little after its timestamp was taken.
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? since = null;
        using var timer = new PeriodicTimer(options.Value.TermsRefreshInterval, clock);
        do
        {
            var started = clock.GetUtcNow();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var refresh = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RefreshProductTermsCommand(since), stoppingToken);
                if (refresh.Failed == 0)
                {
                    since = started - ClockMargin;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the gate's product terms failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
