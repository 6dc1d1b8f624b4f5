using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Application.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Holds;

public sealed class SaleOpeningRaceTests(UnthrottledApiFactory api, ITestOutputHelper output)
    : SaleOpeningRaceSuite(api, output), IClassFixture<UnthrottledApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class SaleOpeningRaceOnClusterTests(UnthrottledClusterApiFactory api, ITestOutputHelper output)
    : SaleOpeningRaceSuite(api, output), IClassFixture<UnthrottledClusterApiFactory>;

/// <summary>A sale opens at a set millisecond: reserves fired across it are refused before it and sell the stock after it.</summary>
public abstract class SaleOpeningRaceSuite(ReservationsApiFactory api, ITestOutputHelper output)
{
    private const int Requests = 2_000;
    private const int Stock = 100;

    // The sale opens this long after it is set, so the probe that follows the PATCH is surely refused on a busy machine.
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(4);

    // The reserves are fired from this long before the opening to as long after it, one each millisecond.
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Reserves_FiredAcrossSalesOpenAt_NoneIsAcceptedBeforeIt_AndTheStockIsNeverOversold()
    {
        var product = await api.CreateProductAsync(stock: Stock);
        var client = api.CreateClient(token: null);
        var tokens = Enumerable.Range(0, Requests).Select(i => Tokens.Customer($"opening-{i}")).ToArray();
        var opens = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow + Lead).ToUnixTimeMilliseconds());
        await api.PatchProductOkAsync(product.Id, $$"""{"salesOpenAt":{{ProductEditCalls.Json(opens)}}}""");
        var probe = await (await api.CreateClient(Tokens.Customer("opening-probe")).ReserveAsync(product.Id))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, HoldErrors.SaleNotOpenCode);
        probe.GetProperty("opensAt").GetDateTimeOffset().Should().Be(opens);

        var first = opens - Spread;
        var step = (Spread + Spread) / Requests;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            var wait = first + step * i - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, TestContext.Current.CancellationToken);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
            {
                Content = JsonContent.Create(new { productId = product.Id, quantity = 1 }),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]) },
            };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return await OutcomeAsync(response);
        }));

        var held = outcomes.Where(o => o.Status == HttpStatusCode.Created).ToList();
        var refusedBefore = outcomes.Where(o => o.Code == HoldErrors.SaleNotOpenCode).ToList();
        output.WriteLine($"{held.Count} held, {refusedBefore.Count} refused as not open yet, " +
            $"{outcomes.Count(o => o.Code == "out-of-stock")} out of stock");
        held.Should().HaveCount(Stock);
        held.Should().OnlyContain(o => o.At >= opens, "no hold is taken before the sale opens, by Redis's clock");
        refusedBefore.Should().OnlyContain(o => o.Status == HttpStatusCode.Conflict && o.At == opens);
        outcomes.Except(held).Except(refusedBefore).Should().OnlyContain(o => o.Code == "out-of-stock");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = Stock });
        ledger.ShouldBeBalanced();
    }

    // At: a hold's createdAt (Redis TIME), or the opensAt a refusal carries.
    private static async Task<(HttpStatusCode Status, string? Code, DateTimeOffset? At)> OutcomeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = body.RootElement;
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return (response.StatusCode, null, root.GetProperty("createdAt").GetDateTimeOffset());
        }

        var code = root.GetProperty("type").GetString()!.Split('/')[^1];
        return (response.StatusCode, code, root.TryGetProperty("opensAt", out var opensAt) ? opensAt.GetDateTimeOffset() : null);
    }
}
