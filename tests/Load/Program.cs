using System.Globalization;
using Reservations.Application.Webhooks;
using Reservations.Load;
using Reservations.Load.Availability;
using Reservations.Load.Persist;
using Reservations.Load.Sale;
using Reservations.Load.Sale.Progress;

const string usage = """
    usage: Reservations.Load sale [options]      a flash sale over HTTP against a running API, or with --mode gate
                                                 straight at the inventory gate in Redis (sale --help)
           Reservations.Load wrk-setup [sale options]  products and tokens for build/wrk/reserve.lua, in --out
           Reservations.Load gate --redis HOST:PORT [--holds N] [--concurrency N] [--events TYPE,…]
                                                 N reserves straight on the gate: the rate and the Redis memory
                                                 each live hold costs (with the webhook event types switched on)
           Reservations.Load gate-vs-redis --redis HOST:PORT [--requests N]
                                                 the gate's reserve rate beside redis-benchmark running its script
           Reservations.Load stream [options]   subscribers to one product's live availability while reserves run:
                                                 events/s and the delay to each delivery (stream --help)
           Reservations.Load persist --redis HOST:PORT --postgres CONNECTION --worker WORKER_DLL [--purchases N]
                                                 N purchases of one product waiting in the stream, then a Worker
                                                 timed until every one is in PostgreSQL (own database and keys)
    """;

switch (args)
{
    case ["sale", "--help"] or ["sale", "-h"]:
        Console.WriteLine(SaleOptions.Usage);
        return 0;
    case ["sale", .. var saleArgs]:
        return await RunSaleAsync(saleArgs);
    case ["stream", "--help"] or ["stream", "-h"]:
        Console.WriteLine(StreamBenchmarkOptions.Usage);
        return 0;
    case ["stream", .. var streamArgs]:
        return await RunStreamAsync(streamArgs);
    case ["wrk-setup", .. var setupArgs]:
        return await RunWrkSetupAsync(setupArgs);
    case ["gate", ..]:
        return await RunGateAsync();
    case ["gate-vs-redis", ..]:
        return await RunGateVersusRedisAsync();
    case ["persist", ..]:
        return await RunPersistAsync();
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

    return await SaleCommand.RunAsync(options, ProgressDisplays.ForConsole(), Console.Out, CancellationToken.None);
}

// Bounded by --warmup and --duration (and two minutes at most to connect); the product it creates stays, like a sale's.
static async Task<int> RunStreamAsync(string[] arguments)
{
    var (options, error) = StreamBenchmarkOptions.Parse(arguments);
    if (options is null)
    {
        Console.Error.WriteLine($"{error}\n{StreamBenchmarkOptions.Usage}");
        return 2;
    }

    return await new StreamBenchmark(options, Console.Out).RunAsync(CancellationToken.None);
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

// Bounded by --holds; the gate host removes the keys it wrote (its own key prefix) before it exits.
async Task<int> RunGateAsync()
{
    await using var host = await StartGateHostAsync();
    var events = Option("--events", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    if (events.FirstOrDefault(type => !WebhookEventTypes.All.Contains(type)) is { } unknown)
    {
        Console.Error.WriteLine($"--events: '{unknown}' is not one of {string.Join(", ", WebhookEventTypes.All)}");
        return 2;
    }

    var benchmark = new GateBenchmark(host, IntOption("--holds", 100_000), IntOption("--concurrency", 64), events);
    return await benchmark.RunAsync();
}

// Bounded by --requests (four runs of it: two through the gate, two by redis-benchmark); the gate host removes the
// keys they wrote before it exits.
async Task<int> RunGateVersusRedisAsync()
{
    await using var host = await StartGateHostAsync();
    return await new GateVersusRedisBenchmark(host, IntOption("--requests", 100_000)).RunAsync();
}

// Bounded by --purchases and the benchmark's timeout; the database and keys it created are removed before it exits.
async Task<int> RunPersistAsync()
{
    var redis = Option("--redis", "127.0.0.1:6379");
    await using var host = await PersistenceHost.StartAsync(Option("--postgres", "Host=127.0.0.1;Username=postgres"), redis);
    var worker = Option("--worker", "src/Worker/bin/Release/net10.0/Reservations.Worker.dll");
    return await new PersistBenchmark(host, redis, worker, IntOption("--purchases", 20_000)).RunAsync();
}

// Key names are part of what the gate's keys cost: with at most 7 characters ("b" and the process id, at most 6 hex
// digits) a key name takes the same allocation as with the default prefix "rsv".
Task<GateHost> StartGateHostAsync() => GateHost.StartAsync(Option("--redis", "127.0.0.1:6379"), $"b{Environment.ProcessId:x}");

string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

int IntOption(string name, int fallback) =>
    int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
