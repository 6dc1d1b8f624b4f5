using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Application.Common.Paging;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Create;
using Reservations.Application.Webhooks.Deliveries;
using Reservations.Application.Webhooks.Delete;
using Reservations.Application.Webhooks.Get;
using Reservations.Application.Webhooks.List;
using Reservations.Application.Webhooks.Retry;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.Endpoints;

public static class WebhooksEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        group.MapPost("/", CreateWebhookEndpoint).WithProblems("validation")
            .WithSummary("Registers a webhook endpoint")
            .WithDescription("Answers 201 with the endpoint and its signing secret (whsec_…), which no other answer shows. " +
                "The url must be https and point at public addresses only. Every event of the listed types that happens " +
                "after the 201 is delivered, signed per Standard Webhooks.");
        group.MapGet("/", ListWebhookEndpoints).WithSummary("Lists the webhook endpoints (without secrets); disabled ones say why")
            .WithDescription("Admin only. An endpoint is disabled after its deliveries failed for 24 hours; retrying a delivery " +
                "enables it again.");
        group.MapGet("/{id:guid}", GetWebhookEndpoint).WithProblems("webhook-endpoint-not-found")
            .WithSummary("A webhook endpoint (without its secret); a disabled one says why")
            .WithDescription("Admin only. 404 webhook-endpoint-not-found for an unknown or deleted endpoint.");
        group.MapDelete("/{id:guid}", DeleteWebhookEndpoint).WithProblems("webhook-endpoint-not-found")
            .WithSummary("Removes a webhook endpoint and its deliveries")
            .WithDescription("Admin only. 204 once removed; nothing more is sent to it. 404 webhook-endpoint-not-found.");
        group.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries).WithProblems("validation", "webhook-endpoint-not-found")
            .WithSummary("Lists an endpoint's deliveries, newest first: attempts, last status code or error, next attempt")
            .WithDescription("Admin only. 400 validation: page ≥ 1, pageSize 1–100; 404 webhook-endpoint-not-found.");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", RetryWebhookDelivery).WithProblems("webhook-delivery-not-found")
            .WithSummary("Sends a delivery again now, with a new 24 h retry window, and enables its endpoint again")
            .WithDescription("Admin only. 202 with the delivery, due now: the Worker sends it on its next poll. " +
                "404 webhook-delivery-not-found when the endpoint has no such delivery.");
        return group;
    }

    public sealed record CreateWebhookEndpointRequest(string Url, IReadOnlyList<string> Events, string? Description = null);

    public static async Task<Results<Created<CreatedWebhookEndpointResponse>, ProblemHttpResult>> CreateWebhookEndpoint(
        CreateWebhookEndpointRequest request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CreateWebhookEndpointCommand(request.Url, request.Events, request.Description), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/admin/webhooks/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(context);
    }

    public static async Task<Ok<IReadOnlyList<WebhookEndpointResponse>>> ListWebhookEndpoints(
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWebhookEndpointsQuery(), cancellationToken));

    public static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> GetWebhookEndpoint(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetWebhookEndpointQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhookEndpoint(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteWebhookEndpointCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<PagedResponse<WebhookDeliveryResponse>>, ProblemHttpResult>> ListWebhookDeliveries(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize)
    {
        var result = await sender.Send(new ListWebhookDeliveriesQuery(id, page, pageSize), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    /// <summary>202: due now; the Worker sends it on its next poll.</summary>
    public static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> RetryWebhookDelivery(
        Guid id, Guid deliveryId, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RetryWebhookDeliveryCommand(id, deliveryId), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Accepted($"/api/admin/webhooks/{id}/deliveries", result.Value)
            : result.Error!.ToProblem(context);
    }
}
