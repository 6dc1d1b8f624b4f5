using Microsoft.Playwright;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Browser;

/// <summary>
/// What a person's browser meets: the API and a Worker as processes on loopback (their own database and key prefix),
/// and Debian's chromium driven by Playwright (its own browser download cannot work here: build/test.sh installs
/// chromium with apt).
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    private static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private ApiProcess? _node;
    private WorkerProcess? _worker;
    private IPlaywright? _playwright;

    /// <summary>The database and Redis prefix the processes share; the tests use it to create products and read ledgers.</summary>
    public UnthrottledApiFactory Api { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => _node!.Address;

    /// <summary>Where screenshots go, beside the test results build/test.sh keeps.</summary>
    public static string Screenshots { get; } = Path.Combine(Repository.Root, ".local", "test-results", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var chromium = ChromiumPaths.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "The browser tests need Debian's chromium: run build/test.sh (it installs it), or apt-get install chromium.");
        await Api.InitializeAsync();
        _node = await ApiProcess.StartAsync(Api);
        _worker = WorkerProcess.Start(Api);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser profile (its own session storage) on the API's address.</summary>
    public Task<IBrowserContext> NewContextAsync(bool bypassCsp = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), BypassCSP = bypassCsp });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _worker?.Dispose();
        _node?.Dispose();
        await Api.DisposeAsync();
    }
}
