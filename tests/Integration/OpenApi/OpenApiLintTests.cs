using System.Diagnostics;
using System.Text.Json;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.OpenApi;

/// <summary>
/// The served OpenAPI document passes Spectral's OpenAPI rules and the OWASP API Security ruleset without errors
/// (<c>lint/.spectral.yaml</c>; what it turns off, and the warnings left, are justified in docs/decisions/018-openapi-lint.md).
/// </summary>
public sealed class OpenApiLintTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const int ErrorSeverity = 0;

    private static readonly string LintFolder = Path.Combine(Repository.Root, "tests", "Integration", "OpenApi", "lint");

    [Fact]
    public async Task ServedDocument_LintedWithSpectralAndOwasp_HasNoErrors()
    {
        var spectral = Path.Combine(LintFolder, "node_modules", ".bin", "spectral");
        File.Exists(spectral).Should().BeTrue($"Spectral is not installed: run `npm ci` in {LintFolder} (build/test.sh does)");
        var document = Path.Combine(Path.GetTempPath(), $"reservations-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await api.CreateClient().GetStringAsync(
            new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        try
        {
            var output = await LintAsync(spectral, document);

            var errors = JsonDocument.Parse(output).RootElement.EnumerateArray()
                .Where(result => result.GetProperty("severity").GetInt32() == ErrorSeverity)
                .Select(result => $"{result.GetProperty("code").GetString()} at "
                    + $"{string.Join('.', result.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: "
                    + result.GetProperty("message").GetString())
                .ToList();
            errors.Should().BeEmpty("the document must pass the lint:\n" + string.Join('\n', errors));
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<string> LintAsync(string spectral, string document)
    {
        var start = new ProcessStartInfo(spectral)
        {
            WorkingDirectory = LintFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "lint", "--format", "json", "--ruleset", Path.Combine(LintFolder, ".spectral.yaml"), document },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // Spectral exits 1 when it found errors (listed in its output), 2 when it could not lint at all.
        process.ExitCode.Should().BeOneOf([0, 1], $"Spectral failed: {await error}");
        return await output;
    }
}
