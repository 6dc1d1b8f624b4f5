using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using Reservations.WebApi.Auth;

namespace Reservations.IntegrationTests.Gate;

/// <summary>
/// The disk of Redis's append-only file fills up during a sale (here a 2 MiB tmpfs, mounted by the test: it runs as
/// root, as build/test.sh does on CI). With <c>appendfsync always</c> Redis writes before it answers, so every hold
/// the API answered 201 for is on disk: it is there again when Redis restarts once space is freed, and every other
/// reserve was answered 503, never 500.
/// </summary>
public sealed class AofDiskFullTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const long FreeBytes = 256 * 1024;

    [Fact]
    public async Task TheAppendOnlyFileDiskFillsDuringReserves_EveryHoldAnswered201IsThereAfterARestart_TheRestAre503()
    {
        var disk = Directory.CreateTempSubdirectory("rsv-aof-disk-");
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.FullName);
        try
        {
            var filler = Path.Combine(disk.FullName, "filler");
            string[] durable = ["--dir", disk.FullName, "--appendonly", "yes", "--appendfsync", "always"];
            Guid productId;
            var answered = new ConcurrentBag<(Guid Id, string Customer)>();
            var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
            await using (var redis = await ScratchRedis.StartAsync(durable))
            {
                await FillAllButAsync(disk.FullName, filler, FreeBytes);
                await using var full = Api(redis.ConnectionString);
                productId = await CreateProductAsync(full);
                var failing = Stopwatch.StartNew();
                // A customer per reserve: the per-customer rate limit is not what this test is about.
                var next = 0;
                await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
                {
                    while (failing.Elapsed < TimeSpan.FromSeconds(3))
                    {
                        var name = $"disk-{Interlocked.Increment(ref next)}";
                        var response = await full.CreateClient(Tokens.Customer(name)).ReserveAsync(productId);
                        statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            answered.Add(((await response.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created)).Id, name));
                            failing.Restart();
                        }
                    }
                }));
            }

            statuses.Keys.Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable],
                "a full disk is Redis being unavailable: 201 before, 503 after, nothing else");
            answered.Should().NotBeEmpty();
            File.Delete(filler);
            await using var restarted = await ScratchRedis.StartAsync(durable);
            await using var again = Api(restarted.ConnectionString);
            foreach (var (id, customer) in answered)
            {
                var hold = await (await again.CreateClient(Tokens.Customer(customer)).GetReservationAsync(id))
                    .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
                hold.Status.Should().Be(HoldStatus.Held, "Redis answered only after the hold was on disk");
            }

            var ledger = await again.LedgerAsync(productId);
            ledger.Held.Should().BeGreaterThanOrEqualTo(answered.Count, "a hold may be on disk without its answer, never the reverse");
            ledger.ShouldBeBalanced();
        }
        finally
        {
            await RunAsync("umount", "--lazy", disk.FullName);
            disk.Delete(recursive: true);
        }
    }

    private WebApplicationFactory<AuthOptions> Api(string redis) =>
        api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", redis));

    private static async Task<Guid> CreateProductAsync(WebApplicationFactory<AuthOptions> api)
    {
        var response = await api.CreateClient(Tokens.Admin()).PostJsonAsync("/api/products", ProductRequests.Valid(1_000_000));
        return (await response.ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created)).Id;
    }

    private static async Task FillAllButAsync(string directory, string filler, long freeBytes)
    {
        var free = new DriveInfo(directory).AvailableFreeSpace;
        await using var file = File.Create(filler);
        file.SetLength(0);
        var block = new byte[64 * 1024];
        for (var left = free - freeBytes; left > 0; left -= block.Length)
        {
            await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, left)), TestContext.Current.CancellationToken);
        }
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.Should().Be(0, $"{command} {string.Join(' ', arguments)} failed ({error.Trim()}); the test needs root");
    }
}
