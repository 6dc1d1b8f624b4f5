using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Reservations.Application.Products;
using Reservations.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Reservations.IntegrationTests.Browser;

/// <summary>
/// The storefront and the operator console used the way a person uses them, in a real browser (Debian's chromium driven
/// by Playwright) against the API and a Worker running as processes. Screenshots go to .local/test-results/screenshots.
/// </summary>
public sealed class PagesInABrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    private static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "Browser", "Assets", "axe.min.js");

    [Fact]
    public async Task AShopper_ReservesTwo_SeesTheHoldWithACountdownThatDecreases_Purchases_AndFindsTheOrderInMyOrders()
    {
        var product = await ProductAsync(stock: 10);
        await using var context = await site.NewContextAsync();
        var page = await ShopperAsync(context, $"shopper-{Guid.NewGuid():N}"[..20]);
        var card = Card(page, product.Id);

        await card.GetByTestId("quantity").FillAsync("2");
        await card.GetByTestId("reserve").ClickAsync();

        var hold = page.GetByTestId("hold");
        await Expect(hold).ToHaveAttributeAsync("data-status", "held");
        var countdown = page.GetByTestId("countdown");
        var first = Seconds(await countdown.InnerTextAsync());
        first.Should().BeInRange(590, 600, "a 600 s hold counted from the server's time");
        // The countdown runs: it shows less within a few seconds.
        await Eventually.TrueAsync(async () => Seconds(await countdown.InnerTextAsync()) < first, TimeSpan.FromSeconds(5));
        await page.ScreenshotAsync(new() { Path = Shot("storefront-hold.png"), FullPage = true });

        var holdId = await hold.GetAttributeAsync("data-reservation-id");
        await page.GetByTestId("purchase").ClickAsync();
        await Expect(hold).ToHaveAttributeAsync("data-status", "purchased");
        // The page reads "my orders" again until the Worker has persisted the purchase.
        var order = page.GetByTestId("orders").Locator($"[data-testid=order][data-order-id='{holdId}']");
        await Expect(order).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(order).ToContainTextAsync("2 ×");
        await page.ScreenshotAsync(new() { Path = Shot("storefront-orders.png"), FullPage = true });
    }

    [Fact]
    public async Task ASecondBrowserWatchingTheSameProduct_SeesAvailableDropWithinOneSecond_WithoutReloading()
    {
        var product = await ProductAsync(stock: 50);
        await using var watching = await site.NewContextAsync();
        var watcher = await watching.NewPageAsync();
        await watcher.GotoAsync("/");
        var watched = Card(watcher, product.Id);
        await Expect(watched.GetByTestId("available")).ToHaveTextAsync("50");
        await Expect(watched).ToContainTextAsync("live", new() { Timeout = 5000 });
        await using var shopping = await site.NewContextAsync();
        var shopper = await ShopperAsync(shopping, $"first-{Guid.NewGuid():N}"[..20]);
        await Card(shopper, product.Id).GetByTestId("quantity").FillAsync("3");

        await Card(shopper, product.Id).GetByTestId("reserve").ClickAsync();

        await Expect(watched.GetByTestId("available")).ToHaveTextAsync("47", new() { Timeout = 1000 });
    }

    [Fact]
    public async Task AShopperOverTheLimit_SeesTheProblemsText_AndAnExpiredHoldShowsAsExpired()
    {
        var limited = await site.Api.CreateSaleProductAsync(null, 10, maxPerCustomer: 1);
        var brief = await site.Api.CreateSaleProductAsync(null, 10, holdSeconds: 2);
        await using var context = await site.NewContextAsync();
        var page = await ShopperAsync(context, $"limits-{Guid.NewGuid():N}"[..20]);

        await Card(page, limited.Id).GetByTestId("quantity").FillAsync("2");
        await Card(page, limited.Id).GetByTestId("reserve").ClickAsync();
        await Expect(page.GetByTestId("problem")).ToContainTextAsync("Limit exceeded");
        await page.ScreenshotAsync(new() { Path = Shot("storefront-problem.png"), FullPage = true });

        await Card(page, brief.Id).GetByTestId("quantity").FillAsync("1");
        await Card(page, brief.Id).GetByTestId("reserve").ClickAsync();
        await Expect(page.GetByTestId("hold")).ToHaveAttributeAsync("data-status", "expired", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task AnOperatorAdjustsStock_AndTheLedgerRowUpdates_StillBalanced()
    {
        var product = await ProductAsync(stock: 10);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin");
        await SignInAsync(page, "operator");
        var row = page.Locator($"[data-testid=ledger-row][data-product-id='{product.Id}']");
        await Expect(row.GetByTestId("available")).ToHaveTextAsync("10");
        var adjust = row.GetByTestId("adjust-stock");

        await adjust.Locator("input[name=delta]").FillAsync("5");
        await adjust.Locator("input[name=reason]").FillAsync("found a box in the back");
        await adjust.Locator("button[type=submit]").ClickAsync();

        await Expect(row.GetByTestId("available")).ToHaveTextAsync("15", new() { Timeout = 5000 });
        await Expect(row.GetByTestId("balanced")).ToHaveTextAsync("true");
        (await site.Api.LedgerAsync(product.Id)).TotalStock.Should().Be(15);
        await page.ScreenshotAsync(new() { Path = Shot("console.png"), FullPage = true });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    public async Task EachPage_LoadsWithoutConsoleErrorsOrFailedRequests_AndAxeFindsNoSeriousViolation(string path)
    {
        await ProductAsync(stock: 5);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        // The live streams stay open, so the network never idles: the page has loaded once every other call is answered.
        var pending = new ConcurrentDictionary<IRequest, bool>();
        var answered = 0;
        page.Request += (_, request) =>
        {
            if (request.ResourceType != "eventsource")
            {
                pending.TryAdd(request, true);
            }
        };
        page.RequestFinished += (_, request) =>
        {
            pending.TryRemove(request, out bool _);
            Interlocked.Increment(ref answered);
        };
        page.RequestFailed += (_, request) => pending.TryRemove(request, out bool _);

        await page.GotoAsync(path);
        await SignInAsync(page, path == "/" ? $"axe-{Guid.NewGuid():N}"[..20] : "admin");
        var answeredAtSignIn = Volatile.Read(ref answered);
        await Eventually.TrueAsync(
            () => Task.FromResult(Volatile.Read(ref answered) > answeredAtSignIn && pending.IsEmpty), TimeSpan.FromSeconds(10));

        problems.Should().BeEmpty();
        var violations = await SeriousViolationsAsync(path);
        violations.Should().BeEmpty();
    }

    // axe-core runs in a profile that lets its script in past the page's CSP (the page itself keeps it elsewhere).
    private async Task<IReadOnlyList<string>> SeriousViolationsAsync(string path)
    {
        await using var context = await site.NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await SignInAsync(page, path == "/" ? $"axe-{Guid.NewGuid():N}"[..20] : "admin");
        await page.AddScriptTagAsync(new() { Path = Axe });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations");
        await page.ScreenshotAsync(new() { Path = Shot(path == "/" ? "storefront.png" : "console-overview.png"), FullPage = true });
        return [.. result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} ({v.GetProperty("nodes").GetArrayLength()} nodes)")];
    }

    private Task<ProductResponse> ProductAsync(int stock) => site.Api.CreateSaleProductAsync(null, stock, holdSeconds: 600);

    private static async Task<IPage> ShopperAsync(IBrowserContext context, string name)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAsync(page, name);
        return page;
    }

    // Development: a name is enough (the page asks the API for a dev token; the console asks for the admin role).
    private static async Task SignInAsync(IPage page, string name)
    {
        var signIn = page.GetByTestId("sign-in");
        await signIn.Locator("input").First.FillAsync(name);
        await signIn.Locator("button").First.ClickAsync();
        await Expect(signIn.Locator("input").First).Not.ToBeVisibleAsync();
    }

    private static ILocator Card(IPage page, Guid productId) =>
        page.Locator($"[data-testid=product-card][data-product-id='{productId}']");

    // "9:58" → 598.
    private static int Seconds(string countdown)
    {
        var parts = countdown.Trim().Split(':');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) * 60 + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static string Shot(string name) => Path.Combine(LiveSite.Screenshots, name);
}
