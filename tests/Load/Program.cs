using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Reservations.Infrastructure;
using Reservations.Load;
using Reservations.Load.Sale;
using Reservations.Load.Sale.Progress;

const string usage = """
    usage: Reservations.Load sale [options]      a flash sale over HTTP against a running API (sale --help)
           Reservations.Load wrk-setup [sale options]  products and tokens for build/wrk/reserve.lua, in --out
           Reservations.Load gate --redis HOST:PORT [--holds N] [--concurrency N]
                                                 reserves straight on the gate, no HTTP
    """;

switch (args)
{
    case ["sale", "--help"] or ["sale", "-h"]:
        Console.WriteLine(SaleOptions.Usage);
        return 0;
    case ["sale", .. var saleArgs]:
        return await RunSaleAsync(saleArgs);
    case ["wrk-setup", .. var setupArgs]:
        return await RunWrkSetupAsync(setupArgs);
    case ["gate", ..]:
        return await RunGateAsync();
    default:
        Console.Error.WriteLine(usage);
        return 2;
}

static async Task<int> RunSaleAsync(string[] arguments)
{
    var (options, error) = SaleOptions.Parse(arguments);
    if (options is null)
    {
        Console.Error.WriteLine($"{error}\n{SaleOptions.Usage}");
        return 2;
    }

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = options.Url };
    var target = new HttpSaleTarget(options, http);
    var result = await new SaleRunner(options, target, ProgressDisplays.ForConsole(), Console.Out).RunAsync(CancellationToken.None);
    await SaleReport.WriteAsync(result, options.Output);
    Console.WriteLine(SaleReport.Summary(result));
    Console.WriteLine($"results in {Path.GetFullPath(options.Output)}");
    return result.Violations.Count == 0 ? 0 : 1;
}

static async Task<int> RunWrkSetupAsync(string[] arguments)
{
    var (options, error) = SaleOptions.Parse(arguments);
    if (options is null)
    {
        Console.Error.WriteLine($"{error}\n{SaleOptions.Usage}");
        return 2;
    }

    using var http = new HttpClient { BaseAddress = options.Url };
    await WrkSetup.RunAsync(options, http, CancellationToken.None);
    Console.WriteLine($"{options.Products} products and {options.Customers} tokens in {Path.GetFullPath(options.Output)}");
    return 0;
}

// Bounded by --holds; it removes the keys it wrote (its own key prefix) before it exits.
async Task<int> RunGateAsync()
{
    string Option(string name, string fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

    var keyPrefix = $"bench{Environment.ProcessId}";
    var builder = Host.CreateApplicationBuilder();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = Option("--redis", "127.0.0.1:6379") + ",allowAdmin=true",
        ["ConnectionStrings:Postgres"] = "Host=unused",
        ["Reservations:KeyPrefix"] = keyPrefix,
    });
    builder.Services.AddInfrastructure();
    using var host = builder.Build();

    var benchmark = new GateBenchmark(
        host.Services, keyPrefix, int.Parse(Option("--holds", "100000"), CultureInfo.InvariantCulture),
        int.Parse(Option("--concurrency", "64"), CultureInfo.InvariantCulture));
    return await benchmark.RunAsync();
}
