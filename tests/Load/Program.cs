using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Reservations.Infrastructure;
using Reservations.Load;

// Usage: Reservations.Load gate --redis 127.0.0.1:6379 [--holds 100000] [--concurrency 64]
// Bounded by --holds; it removes the keys it wrote (its own key prefix) before it exits.
if (args is not ["gate", ..])
{
    Console.Error.WriteLine("usage: Reservations.Load gate --redis HOST:PORT [--holds N] [--concurrency N]");
    return 2;
}

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
    host.Services, keyPrefix, int.Parse(Option("--holds", "100000"), CultureInfo.InvariantCulture), int.Parse(Option("--concurrency", "64"), CultureInfo.InvariantCulture));
return await benchmark.RunAsync();
