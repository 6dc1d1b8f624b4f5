using System.Globalization;
using Mediator;
using Reservations.Application.Common.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Application.Products.LiveAvailability.Open;
using Reservations.WebApi.LiveAvailability;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;
using Reservations.WebApi.Protection;

namespace Reservations.WebApi.Endpoints;

public static class LiveAvailabilityEndpoints
{
    private const int RetryAfterSeconds = 5;

    public static RouteGroupBuilder MapLiveAvailability(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapGet("/{id:guid}/availability/stream", StreamAvailability)
            .AllowAnonymous()
            .WithLongLivedResponses()
            .WithSummary("Live availability of a product (Server-Sent Events)")
            .WithDescription(
                "text/event-stream of `availability` events, `data: {productId, available, held, sold, at}`, the first "
                + "one the current figures; at most 5 per second, none while nothing changes, a `: keep-alive` comment "
                + "after 15 s of quiet. Send `Last-Event-ID` to get the events missed (kept at least 60 s); an older or "
                + "unknown id gets the current figures. Too many streams: 429 from one address, 503 in all.")
            .WithProblems("product-not-found", "too-many-streams");
        return group;
    }

    public static async Task<Results<AvailabilityEventsResult, ProblemHttpResult>> StreamAvailability(
        Guid id, [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        StreamAdmission admission, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var admitted = admission.TryAdmit(ClientAddress.Of(context));
        if (!admitted.IsSuccess)
        {
            // A refusal the service chose to protect itself, logged as a shed request is (RequestLogLevels).
            context.Items[RequestLogLevels.Shed] = true;
            ReservationsMetrics.RecordStreamRefused(admitted.Error!.Code);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return admitted.Error!.ToProblem(context);
        }

        try
        {
            var opened = await sender.Send(new OpenAvailabilityStreamQuery(id, lastEventId), cancellationToken);
            if (opened.IsSuccess)
            {
                return new AvailabilityEventsResult(opened.Value, admitted.Value);
            }

            admitted.Value.Dispose();
            return opened.Error!.ToProblem(context);
        }
        catch
        {
            admitted.Value.Dispose();
            throw;
        }
    }
}
