using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>
/// A deployment that still sets a key that moved to another section (ServiceDefaults' MovedKeys) does not start with
/// the default in its place: the API and the Worker refuse to start, naming the old key and the new one.
/// </summary>
public sealed class MovedKeysTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public void Api_WithAMovedKey_RefusesToStartNamingTheOldKeyAndTheNew()
    {
        using var stale = api.WithWebHostBuilder(b => b.UseSetting("Reservations:PurchaseReplicas", "1"));

        var start = () => stale.CreateClient();

        start.Should().Throw<OptionsValidationException>()
            .WithMessage("*Reservations:PurchaseReplicas has moved to Redis:PurchaseReplicas (environment variable Redis__PurchaseReplicas)*");
    }

    [Fact]
    public async Task Worker_WithAKeyUnderAMovedSection_RefusesToStartNamingTheOldKeyAndTheNew()
    {
        using var worker = TestWorker.Build(api, ("Reservations:LiveAvailability:Tick", "00:00:01"), ("Webhooks:Lease", "00:01:00"));

        var start = () => worker.StartAsync(TestContext.Current.CancellationToken);

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().BeEquivalentTo(
            "Reservations:LiveAvailability:Tick has moved to LiveAvailability:Tick (environment variable LiveAvailability__Tick): set that instead, the old key is no longer read.",
            "Webhooks:Lease has moved to Webhooks:Delivery:Lease (environment variable Webhooks__Delivery__Lease): set that instead, the old key is no longer read.");
    }

    [Fact]
    public async Task WorkerProcess_WithAMovedEnvironmentVariable_ExitsNamingTheOldKeyAndTheNew()
    {
        var (exitCode, output) = await WorkerProcess.RunToExitAsync(api, TimeSpan.FromSeconds(60), ("Reservations:SweepInterval", "00:00:05"));

        exitCode.Should().NotBe(0);
        output.Should().Contain("Reservations:SweepInterval has moved to Worker:SweepInterval (environment variable Worker__SweepInterval)");
    }

    [Fact]
    public async Task MigrateCommand_WithAMovedEnvironmentVariable_ExitsBeforeTouchingTheSchema()
    {
        var directory = ApiProcess.ApiDirectory();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Reservations.WebApi.dll"), "migrate"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Postgres"] = api.PostgresConnectionString,
                ["ConnectionStrings__Redis"] = api.RedisConnectionString,
                ["Reservations__KeyPrefix"] = api.KeyPrefix,
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        process.ExitCode.Should().NotBe(0);
        (await output + await errors).Should().Contain("Reservations:KeyPrefix has moved to Redis:KeyPrefix (environment variable Redis__KeyPrefix)");
    }
}
