using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reservations.Application.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>
/// 1,000 random and malformed bodies and headers against the reserve route (seeded, so a failure can be replayed):
/// never a 5xx, every refusal a problem document, and only the requests answered 201 take stock.
/// </summary>
public sealed class ReserveFuzzTests(UnthrottledApiFactory api, ITestOutputHelper output) : IClassFixture<UnthrottledApiFactory>
{
    private const int Requests = 1_000;
    private const int Seed = 20_261_125;

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain",
        "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json",
    ];

    [Fact]
    public async Task ThousandMalformedRequests_NeverA5xx_AndOnlyAccepted201sTakeStock()
    {
        var product = await api.CreateProductAsync(stock: 100_000);
        var random = new Random(Seed);
        var requests = Enumerable.Range(0, Requests).Select(_ => NextRequest(random, product.Id)).ToArray();
        var client = api.CreateClient(Tokens.Customer("fuzzer"));
        var answers = new ConcurrentBag<(HttpStatusCode Status, string? MediaType, bool WellFormed, ReservationResponse? Hold)>();
        var cutShort = 0;

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = TestContext.Current.CancellationToken },
            async (fuzz, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
                {
                    Content = new ByteArrayContent(fuzz.Body),
                };
                if (fuzz.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
                }

                // A connection each, so that a connection the server ends can only cut short the request that ended it.
                request.Headers.ConnectionClose = true;
                if (fuzz.IdempotencyKey is not null)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", fuzz.IdempotencyKey);
                }

                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, ct);
                }
                catch (HttpRequestException e) when (fuzz.Body.Length > global::Reservations.WebApi.DependencyInjection.MaxRequestBodyBytes)
                {
                    // Kestrel answers an oversized body 413 and closes the connection while the client is still
                    // sending, which the client may see as a connection cut short rather than as the 413.
                    output.WriteLine($"oversized body ({fuzz.Body.Length} bytes): {e.Message}");
                    Interlocked.Increment(ref cutShort);
                    return;
                }

                using var _ = response;
                var hold = response.StatusCode == HttpStatusCode.Created
                    ? await response.Content.ReadFromJsonAsync<ReservationResponse>(HttpAssertions.Json, ct)
                    : null;
                answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, fuzz.WellFormed, hold));
            });

        var byStatus = answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"seed {Seed}: {string.Join(", ", byStatus)}; {cutShort} oversized bodies cut short before the 413");
        answers.Should().NotContain(a => (int)a.Status >= 500);
        answers.Where(a => a.Status != HttpStatusCode.Created).Should().OnlyContain(a => a.MediaType == "application/problem+json");
        answers.Where(a => a.Status == HttpStatusCode.Created).Should().OnlyContain(a => a.WellFormed, "only a well-formed request is accepted");
        var ledger = await api.LedgerAsync(product.Id);
        // Distinct holds: a repeated Idempotency-Key with the same body replays its hold and takes nothing more.
        ledger.Held.Should().Be(answers.Where(a => a.Hold is not null).DistinctBy(a => a.Hold!.Id).Sum(a => a.Hold!.Quantity),
            "only the requests answered 201 hold stock");
        ledger.ShouldBeBalanced();
    }

    private sealed record Fuzz(byte[] Body, string? ContentType, string? IdempotencyKey, bool WellFormed);

    private static Fuzz NextRequest(Random random, Guid productId)
    {
        var quantity = random.Next(1, 4);
        var valid = $$"""{"productId":"{{productId}}","quantity":{{quantity}}}""";
        var (body, accepted) = random.Next(12) switch
        {
            0 => (RandomBytes(random), false),
            1 => (Encoding.UTF8.GetBytes(valid[..random.Next(valid.Length)]), false),
            2 => (Json(productId.ToString(), WrongNumber(random)), false),
            3 => (Json(RandomText(random, random.Next(0, 80)), quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)), false),
            4 => (Encoding.UTF8.GetBytes($$"""{"productId":"{{productId}}","quantity":{{quantity}},"quantity":{{quantity}}}"""), false),
            5 => (Encoding.UTF8.GetBytes($$"""{"productId":"{{productId}}","quantity":{{quantity}},"x":{{new string('[', 30)}}{{new string(']', 30)}}}"""), false),
            6 => (Encoding.UTF8.GetBytes($$"""{"productId":"{{productId}}\u0000","quantity":{{quantity}}}"""), false),
            7 => (Encoding.UTF8.GetBytes($$"""{"productId":"\ud800","quantity":{{quantity}}}"""), false),
            8 => (Encoding.UTF8.GetBytes($$"""{"productId":"{{productId}}","quantity":{{quantity}},"pad":"{{new string('a', random.Next(1_000, 20_000))}}"}"""), true),
            9 => (Encoding.UTF8.GetBytes($$"""{"productId":"{{Guid.NewGuid()}}","quantity":{{quantity}}}"""), false),
            10 => (Encoding.UTF8.GetBytes(random.Next(3) switch { 0 => "null", 1 => "[]", _ => "\"text\"" }), false),
            _ => (Encoding.UTF8.GetBytes(valid), true),
        };
        var contentType = random.Next(4) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "application/json";
        string? key = random.Next(3) switch
        {
            0 => null,
            1 => RandomPrintable(random, random.Next(0, 300)),
            _ => $"key-{random.Next()}",
        };
        // Only a well-formed JSON body (of at most 16 KiB) can take stock; the rest must take nothing.
        return new Fuzz(body, random.Next(20) == 0 ? null : contentType, key, accepted);
    }

    private static byte[] Json(string productId, string quantity) =>
        Encoding.UTF8.GetBytes($$"""{"productId":"{{productId}}","quantity":{{quantity}}}""");

    private static string WrongNumber(Random random) => random.Next(9) switch
    {
        0 => "\"2\"",
        1 => "1.5",
        2 => "null",
        3 => "true",
        4 => "0",
        5 => "-1",
        6 => "1001",
        7 => "99999999999999999999",
        _ => "[1]",
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2_000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x2FF)).Where(c => c is not '"' and not '\\')]);

    private static string RandomPrintable(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F))]);
}
