using System.Diagnostics;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Kiota;

/// <summary>The committed client is what build/generate-client.sh makes of the document the API serves now.</summary>
public sealed class KiotaClientFreshnessTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static readonly string Committed = Path.Combine(Repository.Root, "tests", "Integration", "Kiota", "Client");

    [Fact]
    public async Task CommittedClient_IsWhatKiotaGeneratesFromTheServedDocument()
    {
        var work = Directory.CreateTempSubdirectory("reservations-kiota-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            var served = await api.CreateClient(token: null)
                .GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(document, served, TestContext.Current.CancellationToken);
            var generated = Path.Combine(work.FullName, "Client");

            await GenerateAsync(document, generated);

            string.Join(Environment.NewLine, Differences(Committed, generated)).Should().BeEmpty(
                "the committed client must be the one generated from the served document: run build/generate-client.sh");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task GenerateAsync(string document, string output)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(Repository.Root, "build", "generate-client.sh"), "--document", document, "--output", output },
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("build/generate-client.sh did not start.");
        var log = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.Should().Be(0, $"build/generate-client.sh --document failed:\n{await log}\n{await errors}");
    }

    private static List<string> Differences(string committed, string generated)
    {
        var before = Files(committed);
        var after = Files(generated);
        return
        [
            .. after.Keys.Except(before.Keys).Select(f => $"{f} is generated but not committed"),
            .. before.Keys.Except(after.Keys).Select(f => $"{f} is committed but no longer generated"),
            .. before.Keys.Intersect(after.Keys).Where(f => before[f] != after[f]).Select(f => $"{f} differs"),
        ];
    }

    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText, StringComparer.Ordinal);
}
