using System.Net;
using System.Net.Http.Headers;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>
/// The Reservations dashboard (deploy/observability): a panel for each figure operators watch during a sale, each
/// querying only series the API and the Worker really export.
/// </summary>
public sealed class DashboardTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void HasAPanelForEachFigureOperatorsWatch()
    {
        var panels = GrafanaDashboard.Panels().ToDictionary(p => p.Title);

        panels.Should().ContainKeys(
            "Reserve rate by outcome", "Reserve latency p99", "Held and available per product", "Expiry delay",
            "Persistence lag p99", "Purchases waiting to be persisted", "Dead letters", "Rate-limited requests (429)");
        panels["Reserve rate by outcome"].Metrics.Should().Equal("reservations_use_case_outcomes_total");
        panels["Reserve rate by outcome"].Expressions.SelectMany(PromQl.GroupingLabels).Should().Contain("outcome");
        panels["Reserve latency p99"].Expressions.Should().OnlyContain(e => e.StartsWith("histogram_quantile(0.99,", StringComparison.Ordinal));
        panels["Reserve latency p99"].Metrics.Should().BeEquivalentTo(
            "http_server_request_duration_seconds_bucket", "reservations_use_case_duration_milliseconds_bucket");
        panels["Held and available per product"].Metrics.Should().BeEquivalentTo("reservations_product_held", "reservations_product_available");
        panels["Expiry delay"].Metrics.Should().Equal("reservations_hold_expiry_delay_milliseconds_bucket");
        panels["Persistence lag p99"].Metrics.Should().Equal("reservations_purchase_persistence_lag_milliseconds_bucket");
        panels["Purchases waiting to be persisted"].Metrics.Should().Equal("reservations_purchase_backlog");
        panels["Dead letters"].Metrics.Should().Equal("reservations_purchase_dead_letters_total");
        panels["Rate-limited requests (429)"].Expressions.SelectMany(PromQl.Selectors).SelectMany(s => s.Matchers)
            .Should().Contain(new LabelMatcher("http_response_status_code", "=", "429"));
    }

    [Fact]
    public async Task QueriesOnlySeriesTheApiAndTheWorkerExport_AfterAReserveAPurchaseAnExpiryADeadLetterAndA429()
    {
        var expiring = await api.CreateProductAsync(stock: 10, holdSeconds: 1);
        var refused = await api.CreateProductAsync(stock: 10);
        using var node = await ApiProcess.StartAsync(api);
        using var customer = node.CreateClient();
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Customer("dashboard"));
        await customer.PurchaseAsync((await customer.ReserveOkAsync(refused.Id, quantity: 4)).Id);
        await api.ExecuteAsync($"UPDATE products SET total_stock = 2 WHERE id = '{refused.Id}'");
        await customer.PurchaseAsync((await customer.ReserveOkAsync(expiring.Id)).Id);
        await customer.ReserveOkAsync(expiring.Id);
        await RateLimitedAsync(customer, expiring.Id);
        var metricsPort = FreePort.Next();
        using var worker = WorkerProcess.Start(api, ("Prometheus:Port", $"{metricsPort}"), ("Prometheus:Host", "127.0.0.1"));
        using var workerMetrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };

        var exported = (await ScrapeAsync(customer, "http_response_status_code=\"429\"", "use_case=\"PurchaseHoldCommand\""))
            .Concat(await ScrapeAsync(workerMetrics,
                "reservations_purchase_dead_letters_total", "reservations_purchase_persistence_lag_milliseconds_bucket",
                "reservations_hold_expiry_delay_milliseconds_bucket", $"sku=\"{expiring.Sku}\""))
            .ToLookup(s => s.Name);

        foreach (var expression in GrafanaDashboard.Panels().SelectMany(p => p.Expressions))
        {
            var selectors = PromQl.Selectors(expression);
            foreach (var selector in selectors)
            {
                exported[selector.Metric].Should().NotBeEmpty("{0} queries it", expression);
                foreach (var matcher in selector.Matchers.Where(m => m.Operator == "="))
                {
                    exported[selector.Metric].Should().Contain(s => s.Labels.GetValueOrDefault(matcher.Label) == matcher.Value,
                        "{0} selects {1}=\"{2}\"", expression, matcher.Label, matcher.Value);
                }
            }

            foreach (var label in PromQl.GroupingLabels(expression))
            {
                selectors.SelectMany(s => exported[s.Metric]).Should().Contain(s => s.Labels.ContainsKey(label), "{0} groups by it", expression);
            }
        }
    }

    private static async Task RateLimitedAsync(HttpClient customer, Guid productId)
    {
        var status = HttpStatusCode.OK;
        for (var call = 0; call < 500 && status != HttpStatusCode.TooManyRequests; call++)
        {
            using var response = await customer.ReserveAsync(productId, quantity: 0);
            status = response.StatusCode;
        }

        status.Should().Be(HttpStatusCode.TooManyRequests);
    }

    /// <summary>The scrape's series, once it holds every one of <paramref name="expected"/> (the Worker samples and persists in the background).</summary>
    private static async Task<IReadOnlyList<PrometheusSeries>> ScrapeAsync(HttpClient client, params string[] expected)
    {
        var scrape = string.Empty;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    return false;
                }

                return expected.All(e => scrape.Contains(e, StringComparison.Ordinal));
            }, Patience);
        }
        catch (TimeoutException e)
        {
            var missing = string.Join(", ", expected.Where(x => !scrape.Contains(x, StringComparison.Ordinal)));
            throw new TimeoutException($"{client.BaseAddress}metrics lacks {missing}", e);
        }

        return PrometheusText.Series(scrape);
    }
}
