namespace Reservations.Load.Sale;

/// <summary>
/// Prepares a raw reserve benchmark with wrk: creates the products and gets one token per customer, and writes them
/// one per line (<c>products.txt</c>, <c>tokens.txt</c>) for <c>build/wrk/reserve.lua</c>.
/// </summary>
public static class WrkSetup
{
    public static async Task RunAsync(SaleOptions options, HttpClient http, CancellationToken cancellationToken)
    {
        var api = new SaleApi(http);
        var tokenSource = TokenSources.For(options, http);
        var admin = await tokenSource.TokenAsync("bench-admin", "admin");
        var run = Guid.NewGuid().ToString("N")[..8];
        var products = new List<string>();
        for (var i = 0; i < options.Products; i++)
        {
            products.Add((await api.CreateProductAsync(admin, $"WRK-{run}-{i}", options.Stock, options.HoldSeconds)).ToString());
        }

        var tokens = new string[options.Customers];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Customers),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, _) => tokens[i] = await tokenSource.TokenAsync($"wrk-{run}-{i}"));

        Directory.CreateDirectory(options.Output);
        await File.WriteAllLinesAsync(Path.Combine(options.Output, "products.txt"), products, cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(options.Output, "tokens.txt"), tokens, cancellationToken);
    }
}
