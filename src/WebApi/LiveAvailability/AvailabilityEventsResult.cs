using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Products.LiveAvailability;
using Reservations.WebApi.Protection;

namespace Reservations.WebApi.LiveAvailability;

/// <summary>
/// The <c>retry:</c> hint and the first events, then each new entry flushed as it comes, a comment line after
/// <c>KeepAlive</c> without one, until the client leaves or the host stops.
/// </summary>
public sealed class AvailabilityEventsResult(AvailabilitySubscription subscription, IDisposable admission)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => ServerSentEvents.ContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var subscribed = subscription;
        using var admitted = admission;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<LiveAvailabilityOptions>>().Value;
        var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        ShortRequestLeases.ReleaseForLongLivedResponse(httpContext);

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // Ends with the host, so open streams never hold up a graceful shutdown.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        ReservationsMetrics.AvailabilityStreams.Add(1);
        try
        {
            await response.Body.WriteAsync(ServerSentEvents.Retry(options.ReconnectDelay), stop.Token);
            foreach (var entry in subscription.First)
            {
                await response.Body.WriteAsync(ServerSentEvents.Event(entry), stop.Token);
            }

            await response.Body.FlushAsync(stop.Token);
            while (!stop.IsCancellationRequested)
            {
                if (!await subscription.WaitAsync(options.KeepAlive, stop.Token))
                {
                    await response.Body.WriteAsync(ServerSentEvents.KeepAlive, stop.Token);
                }

                while (subscription.TryRead(out var entry))
                {
                    await response.Body.WriteAsync(ServerSentEvents.Event(entry), stop.Token);
                }

                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left or the host is stopping: the response ends here.
        }
        finally
        {
            ReservationsMetrics.AvailabilityStreams.Add(-1);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ServerSentEvents.ContentType]));
    }
}
