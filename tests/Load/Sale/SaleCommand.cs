using Reservations.Load.Sale.Gate;
using Reservations.Load.Sale.Progress;

namespace Reservations.Load.Sale;

/// <summary>The <c>sale</c> command: sells in the chosen mode, writes and prints the report; 0 when every invariant held.</summary>
public static class SaleCommand
{
    public static async Task<int> RunAsync(SaleOptions options, IProgressDisplay progress, TextWriter output, CancellationToken cancellationToken)
    {
        var result = options.Mode == SaleMode.Gate
            ? await SellAtTheGateAsync(options, progress, output, cancellationToken)
            : await SellOverHttpAsync(options, progress, output, cancellationToken);
        await SaleReport.WriteAsync(result, options.Output);
        output.WriteLine(SaleReport.Summary(result));
        output.WriteLine($"results in {Path.GetFullPath(options.Output)}");
        return result.Violations.Count == 0 ? 0 : 1;
    }

    private static async Task<SaleResult> SellOverHttpAsync(
        SaleOptions options, IProgressDisplay progress, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = options.Url };
        return await new SaleRunner(options, new HttpSaleTarget(options, http), progress, output).RunAsync(cancellationToken);
    }

    private static async Task<SaleResult> SellAtTheGateAsync(
        SaleOptions options, IProgressDisplay progress, TextWriter output, CancellationToken cancellationToken)
    {
        await using var host = await GateHost.StartAsync(options.Redis, $"sale{Guid.NewGuid():N}"[..12]);
        var target = new GateSaleTarget(options, host.Gate, host.KeyPrefix);
        return await new SaleRunner(options, target, progress, output).RunAsync(cancellationToken);
    }
}
