using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Reservations.Domain.Holds;

namespace Reservations.Load.Sale;

/// <summary>The flash sale to simulate. Every figure is bounded: the run stops at the request cap or the duration.</summary>
public sealed record SaleOptions
{
    public const string Usage = """
        usage: Reservations.Load sale [options]
          --mode http|gate      http: against a running API and Worker (default); gate: straight at the inventory
                                gate in Redis, no HTTP, no Worker (its own key prefix, removed at the end)
          --url URL             the API in http mode (default http://127.0.0.1:5080)
          --redis HOST:PORT     the Redis in gate mode (default 127.0.0.1:6379)
          --signing-key KEY     http mode: sign the tokens here with the API's key (Auth:SigningKey, at least 32
                                bytes) instead of minting them with /api/dev/tokens, which only Development serves
          --issuer NAME         issuer of locally signed tokens (default reservations, as the API expects)
          --audience NAME       audience of locally signed tokens (default reservations-api, as the API expects)
          --products N          products on sale (default 20)
          --stock N             units of each product (default 500)
          --customers N         distinct customers, one token each (default 10000)
          --concurrency N       requests in flight (default 64)
          --requests N          stop after this many reserves (default 20000)
          --duration SECONDS    stop after this long (default 30)
          --purchase SHARE      share of holds purchased (default 0.6)
          --release SHARE       share of holds released; the rest are abandoned to expire (default 0.2)
          --hold-seconds N      hold duration of the products, so abandoned holds expire soon (default 5)
          --max-quantity N      quantities are 1..N, N at most 1000 (default 2)
          --cart-lines N        every reserve is a cart of N distinct products of one sale, each line 1..--max-quantity
                                units; N at most 20 and --products (default 1: one product per reserve)
          --seed N              seed of the random choices (default 1)
          --out DIR             where results.json, summary.md and the charts go (default .local/bench/<timestamp>)
        """;

    // The API accepts no shorter HS256 key (AuthOptions.MinKeyBytes in the WebApi).
    private const int MinSigningKeyBytes = 32;

    public SaleMode Mode { get; init; } = SaleMode.Http;
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public string Redis { get; init; } = "127.0.0.1:6379";

    [JsonIgnore]
    public string? SigningKey { get; init; }

    // The issuer and audience the WebApi validates (AuthOptions.Issuer and .Audience).
    public string Issuer { get; init; } = "reservations";
    public string Audience { get; init; } = "reservations-api";
    public int Products { get; init; } = 20;
    public int Stock { get; init; } = 500;
    public int Customers { get; init; } = 10_000;
    public int Concurrency { get; init; } = 64;
    public int Requests { get; init; } = 20_000;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public double PurchaseShare { get; init; } = 0.6;
    public double ReleaseShare { get; init; } = 0.2;
    public int HoldSeconds { get; init; } = 5;
    public int MaxQuantity { get; init; } = 2;
    public int CartLines { get; init; } = 1;
    public int Seed { get; init; } = 1;
    public string Output { get; init; } = Path.Combine(".local", "bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>Where the tokens came from, for the results (the key itself is never written).</summary>
    public string Tokens => (Mode, SigningKey) switch
    {
        (SaleMode.Gate, _) => "none (no HTTP)",
        (_, null) => "minted by /api/dev/tokens",
        _ => "signed locally",
    };

    /// <summary>The options from command-line arguments; an error message for anything it cannot read.</summary>
    public static (SaleOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new SaleOptions();
        try
        {
            for (var i = 0; i < args.Count; i += 2)
            {
                var value = i + 1 < args.Count ? args[i + 1] : throw new FormatException($"{args[i]} needs a value");
                options = args[i] switch
                {
                    "--mode" => options with { Mode = ParseMode(value) },
                    "--url" => options with { Url = new Uri(value) },
                    "--redis" => options with { Redis = value },
                    "--signing-key" => options with { SigningKey = SigningKeyOf(value) },
                    "--issuer" => options with { Issuer = value },
                    "--audience" => options with { Audience = value },
                    "--products" => options with { Products = Positive(value) },
                    "--stock" => options with { Stock = Positive(value) },
                    "--customers" => options with { Customers = Positive(value) },
                    "--concurrency" => options with { Concurrency = Positive(value) },
                    "--requests" => options with { Requests = Positive(value) },
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value)) },
                    "--purchase" => options with { PurchaseShare = Share(value) },
                    "--release" => options with { ReleaseShare = Share(value) },
                    "--hold-seconds" => options with { HoldSeconds = Positive(value) },
                    "--max-quantity" => options with { MaxQuantity = AtMost(Quantity.MaxValue, Positive(value)) },
                    "--cart-lines" => options with { CartLines = AtMost(Hold.MaxLines, Positive(value)) },
                    "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--out" => options with { Output = value },
                    _ => throw new FormatException($"unknown option {args[i]}"),
                };
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or UriFormatException)
        {
            return (null, e.Message);
        }

        return options switch
        {
            { PurchaseShare: var purchase, ReleaseShare: var release } when purchase + release > 1 =>
                (null, "--purchase and --release add up to more than 1"),
            { CartLines: var lines, Products: var products } when lines > products =>
                (null, $"--cart-lines {lines} needs at least {lines} products, not --products {products}"),
            _ => (options, null),
        };
    }

    private static SaleMode ParseMode(string value) => value switch
    {
        "http" => SaleMode.Http,
        "gate" => SaleMode.Gate,
        _ => throw new FormatException($"--mode is http or gate, not {value}"),
    };

    private static string SigningKeyOf(string value) => Encoding.UTF8.GetByteCount(value) >= MinSigningKeyBytes
        ? value
        : throw new FormatException($"--signing-key must be at least {MinSigningKeyBytes} bytes, as the API's key is");

    private static int Positive(string value) => int.Parse(value, CultureInfo.InvariantCulture) is > 0 and var n
        ? n
        : throw new FormatException($"{value} is not a positive number");

    private static int AtMost(int limit, int value) =>
        value <= limit ? value : throw new FormatException($"{value} is more than {limit}");

    private static double Share(string value) => double.Parse(value, CultureInfo.InvariantCulture) is >= 0 and <= 1 and var share
        ? share
        : throw new FormatException($"{value} is not a share between 0 and 1");
}
