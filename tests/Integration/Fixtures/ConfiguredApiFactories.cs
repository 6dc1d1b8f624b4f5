using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Limits far above any test's burst, and a long queue: for tests whose subject is many concurrent calls (races,
/// idempotency, fuzzing), not the limits, which have tests of their own.
/// </summary>
public class UnthrottledApiFactory : ReservationsApiFactory
{
    protected override IReadOnlyList<(string Key, string Value)> Settings =>
    [
        ("RateLimiting:Customer:TokenLimit", "100000"),
        ("RateLimiting:Customer:TokensPerSecond", "100000"),
        ("RateLimiting:SignedIn:TokenLimit", "100000"),
        ("RateLimiting:SignedIn:TokensPerSecond", "100000"),
        ("RateLimiting:ConcurrentPerCaller", "100000"),
        ("RateLimiting:QueueTimeout", "00:00:30"),
    ];
}

/// <summary>The same on the local Redis Cluster.</summary>
public sealed class UnthrottledClusterApiFactory : UnthrottledApiFactory
{
    protected override bool OnCluster => true;
}

/// <summary>The default settings on the local Redis Cluster.</summary>
public sealed class ClusterApiFactory : ReservationsApiFactory
{
    protected override bool OnCluster => true;
}

/// <summary>Buckets small enough that a test empties them in a few calls, refilled at one token a second.</summary>
public sealed class TightLimitsApiFactory : ReservationsApiFactory
{
    public const int CustomerBurst = 2;
    public const int CallerBurst = 5;

    protected override IReadOnlyList<(string Key, string Value)> Settings =>
    [
        ("RateLimiting:Customer:TokenLimit", $"{CustomerBurst}"),
        ("RateLimiting:Customer:TokensPerSecond", "1"),
        ("RateLimiting:Anonymous:TokenLimit", $"{CallerBurst}"),
        ("RateLimiting:Anonymous:TokensPerSecond", "1"),
        ("RateLimiting:SignedIn:TokenLimit", $"{CallerBurst}"),
        ("RateLimiting:SignedIn:TokensPerSecond", "1"),
    ];
}

/// <summary>Room for one request at a time and none waiting: the next one is shed.</summary>
public sealed class SingleSlotApiFactory : ReservationsApiFactory
{
    protected override IReadOnlyList<(string Key, string Value)> Settings =>
    [
        ("RateLimiting:ConcurrentRequests", "1"),
        ("RateLimiting:QueuedRequests", "0"),
    ];
}

/// <summary>Browsers on one origin may call the API.</summary>
public sealed class CorsApiFactory : ReservationsApiFactory
{
    public const string AllowedOrigin = "https://shop.example";

    protected override IReadOnlyList<(string Key, string Value)> Settings => [("Cors:AllowedOrigins:0", AllowedOrigin)];
}

/// <summary>One open request per caller.</summary>
public sealed class OneOpenRequestPerCallerApiFactory : ReservationsApiFactory
{
    protected override IReadOnlyList<(string Key, string Value)> Settings => [("RateLimiting:ConcurrentPerCaller", "1")];
}

/// <summary>Metrics on a loopback port of their own (<c>Prometheus:Port</c>).</summary>
public sealed class MetricsPortApiFactory : ReservationsApiFactory
{
    public int MetricsPort { get; } = FreePort.Next();

    protected override IReadOnlyList<(string Key, string Value)> Settings =>
        [("Prometheus:Port", $"{MetricsPort}"), ("Prometheus:Host", "127.0.0.1")];

    /// <summary>A client of the public port (the factory's own clients take the last address Kestrel listens on: the metrics port).</summary>
    public HttpClient CreatePublicClient() => CreateDefaultClient(new Uri(
        Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Single(address => new Uri(address).Port != MetricsPort)));

    public HttpClient CreateMetricsClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{MetricsPort}") };
}

/// <summary>Live availability streams with a keep-alive comment after half a second of quiet instead of 15 s.</summary>
public class LiveAvailabilityApiFactory : ReservationsApiFactory
{
    protected override IReadOnlyList<(string Key, string Value)> Settings =>
        [("LiveAvailability:KeepAlive", "00:00:00.5")];
}

/// <summary>The same on the local Redis Cluster.</summary>
public sealed class LiveAvailabilityClusterApiFactory : LiveAvailabilityApiFactory
{
    protected override bool OnCluster => true;
}

/// <summary>
/// Two availability streams per client address, and room for one short request at a time (one per caller, one in the
/// process, none waiting): a stream that kept its request's slot would shut everything else out.
/// </summary>
public sealed class StreamsPerClientApiFactory : ReservationsApiFactory
{
    public const int MaxStreamsPerClient = 2;

    protected override IReadOnlyList<(string Key, string Value)> Settings =>
    [
        ("LiveAvailability:MaxStreamsPerClient", $"{MaxStreamsPerClient}"),
        ("RateLimiting:ConcurrentPerCaller", "1"),
        ("RateLimiting:ConcurrentRequests", "1"),
        ("RateLimiting:QueuedRequests", "0"),
    ];
}

/// <summary>Two availability streams in the whole process.</summary>
public sealed class StreamsPerProcessApiFactory : ReservationsApiFactory
{
    public const int MaxStreams = 2;

    protected override IReadOnlyList<(string Key, string Value)> Settings =>
        [("LiveAvailability:MaxStreams", $"{MaxStreams}")];
}
