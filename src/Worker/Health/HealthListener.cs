using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Reservations.Infrastructure.Health;
using Reservations.ServiceDefaults.Health;

namespace Reservations.Worker.Health;

/// <summary>
/// Serves <c>/health/live</c> (the process answers) and <c>/health/ready</c> (PostgreSQL and Redis answer: the API's
/// checks, 503 otherwise) on <see cref="WorkerOptions.HealthPort"/>, answering the API's JSON report (<see cref="HealthReportJson"/>).
/// </summary>
public sealed partial class HealthListener(
    HealthCheckService health, IOptions<WorkerOptions> options, ILogger<HealthListener> logger) : BackgroundService
{
    private readonly HttpListener _listener = new();

    /// <summary>Listens before the host counts as started (a port taken fails the start), then answers in the background.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Prefixes.Add($"http://{options.Value.HealthHost}:{options.Value.HealthPort}/health/");
        _listener.Start();
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _listener.Close();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stop = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException e)
            {
                // A broken connection is the client's: the Worker, whose health this only reports, goes on.
                LogFailed(logger, e);
                continue;
            }

            // One at a time would let a slow readiness check hold up liveness.
            _ = AnswerAsync(context, stoppingToken);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken stoppingToken)
    {
        var response = context.Response;
        try
        {
            Func<HealthCheckRegistration, bool>? predicate = context.Request.Url?.AbsolutePath.TrimEnd('/') switch
            {
                "/health/live" => _ => false,
                "/health/ready" => check => check.Tags.Contains(HealthTags.Ready),
                _ => null,
            };
            if (predicate is null)
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
            }

            var report = await health.CheckHealthAsync(predicate, stoppingToken);
            response.StatusCode = report.Status == HealthStatus.Unhealthy ? (int)HttpStatusCode.ServiceUnavailable : (int)HttpStatusCode.OK;
            response.ContentType = "application/json";
            await HealthReportJson.WriteAsync(response.OutputStream, report, stoppingToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, e);
        }
        finally
        {
            CloseQuietly(response);
        }
    }

    // A client gone before its answer was sent: nothing to report.
    private static void CloseQuietly(HttpListenerResponse response)
    {
        try
        {
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Closed or gone already.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a health request failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
