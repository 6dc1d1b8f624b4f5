using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Application.Reservations;
using Reservations.Application.Reservations.Get;
using Reservations.Application.Reservations.Purchase;
using Reservations.Application.Reservations.Release;
using Reservations.Application.Reservations.Reserve;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Problems;
using Reservations.WebApi.Protection;

namespace Reservations.WebApi.Endpoints;

public static class ReservationsEndpoints
{
    public sealed record ReserveItemRequest(Guid ProductId, int Quantity);

    public static RouteGroupBuilder MapReservations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reservations").WithTags("Reservations").RequireAuthorization(Policies.Customer);
        group.MapPost("/", ReserveItem).ProducesValidationProblem().RequirePerCustomerLimit()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("409 sale-not-open (with opensAt while the sale has yet to open) before the product's salesOpenAt, " +
                "from its salesCloseAt on, or while it is paused, by Redis's clock; then limit-exceeded, out-of-stock.");
        group.MapGet("/{id:guid}", GetReservation);
        group.MapPost("/{id:guid}/purchase", PurchaseReservation).RequirePerCustomerLimit();
        group.MapDelete("/{id:guid}", ReleaseReservation).RequirePerCustomerLimit();
        return group;
    }

    public static async Task<Results<Created<ReservationResponse>, ProblemHttpResult>> ReserveItem(
        ReserveItemRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var command = new ReserveItemCommand(user.CustomerId(), request.ProductId, request.Quantity, idempotencyKey);
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/reservations/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetReservation(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetReservationQuery(id, user.CustomerId(), user.IsInRole(Policies.Admin)), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> PurchaseReservation(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new PurchaseReservationCommand(user.CustomerId(), id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ReleaseReservation(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ReleaseReservationCommand(user.CustomerId(), id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem(context);
    }
}
