namespace Reservations.IntegrationTests.Fixtures;

public static class MetricsScrape
{
    /// <summary>
    /// Scrapes <c>/metrics</c> until the text contains <paramref name="expected"/> and returns it: the exporter serves
    /// a cached scrape for 300 ms, which may predate what the test just did.
    /// </summary>
    public static async Task<string> ScrapeUntilAsync(this HttpClient client, string expected)
    {
        var scrape = string.Empty;
        await Eventually.TrueAsync(async () =>
        {
            scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
            return scrape.Contains(expected, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
        return scrape;
    }
}
