using System.Globalization;

namespace Reservations.Load.Availability;

/// <summary>The live availability benchmark: every figure bounded, against an API on this machine only.</summary>
public sealed record StreamBenchmarkOptions
{
    public const string Usage = """
        usage: Reservations.Load stream [options]
          N subscribers to one product's live availability stream (HTTP/1.1, a connection each) while reserves and
          releases of that product run through the API; prints events/s and the delay from each event's `at` to its
          delivery (p50/p99/max). Stops by itself after the warm-up and the measured time.
          --url URL                   the API, on a loopback address (default http://127.0.0.1:5080)
          --subscribers N             open streams (default 5000)
          --streams-per-address N     streams opened from each local source address 127.1.x.y, at most the API's
                                      LiveAvailability:MaxStreamsPerClient (default 20)
          --reserve-concurrency N     reserve-then-release loops in flight (default 8, at most 500: the
                                      probes hold 1,000 units, more than the loops ever hold together)
          --warmup SECONDS            reserves run, events are not measured (default 15)
          --duration SECONDS          measured time (default 30)
          --signing-key KEY           sign the tokens here with the API's key instead of /api/dev/tokens
        """;

    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public int Subscribers { get; init; } = 5000;
    public int StreamsPerAddress { get; init; } = 20;
    public int ReserveConcurrency { get; init; } = 8;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public string? SigningKey { get; init; }

    public static (StreamBenchmarkOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new StreamBenchmarkOptions();
        try
        {
            for (var i = 0; i < args.Count; i += 2)
            {
                var value = i + 1 < args.Count ? args[i + 1] : throw new FormatException($"{args[i]} needs a value");
                options = args[i] switch
                {
                    "--url" => options with { Url = new Uri(value) },
                    "--subscribers" => options with { Subscribers = Positive(value, 1_000_000) },
                    "--streams-per-address" => options with { StreamsPerAddress = Positive(value, 10_000) },
                    "--reserve-concurrency" => options with { ReserveConcurrency = Positive(value, 500) },
                    "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Positive(value, 3_600, allowZero: true)) },
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value, 3_600)) },
                    "--signing-key" => options with { SigningKey = value },
                    var unknown => throw new FormatException($"unknown option {unknown}"),
                };
            }
        }
        catch (Exception e) when (e is FormatException or UriFormatException)
        {
            return (null, e.Message);
        }

        // Nothing a benchmark starts may reach beyond this machine.
        return options.Url.IsLoopback ? (options, null) : (null, $"--url must be a loopback address, not {options.Url.Host}");
    }

    private static int Positive(string value, int max, bool allowZero = false) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max && (allowZero || number > 0)
            ? number
            : throw new FormatException($"'{value}' is not a whole number {(allowZero ? 0 : 1)}–{max}");
}
