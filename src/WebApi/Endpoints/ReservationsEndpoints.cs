using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Application.Common.Paging;
using Reservations.Application.Holds;
using Reservations.Application.Holds.Extend;
using Reservations.Application.Holds.Get;
using Reservations.Application.Holds.List;
using Reservations.Application.Holds.Purchase;
using Reservations.Application.Holds.Release;
using Reservations.Application.Holds.Reserve;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;
using Reservations.WebApi.Protection;

namespace Reservations.WebApi.Endpoints;

public static class ReservationsEndpoints
{
    /// <summary>One product (<c>productId</c>, <c>quantity</c>) or a cart (<c>items</c>), not both.</summary>
    public sealed record ReserveItemRequest(
        Guid? ProductId = null, int? Quantity = null, IReadOnlyList<ReserveItemLine>? Items = null, int? HoldSeconds = null);

    public sealed record ExtendReservationRequest(int Seconds);

    public static RouteGroupBuilder MapReservations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reservations").WithTags("Reservations").RequireAuthorization(Policies.Customer);
        group.MapPost("/", ReserveItem).RequirePerCustomerLimit()
            .WithProblems("validation", "hold-too-long", "product-not-found", "sale-not-open", "cart-spans-sales",
                "limit-exceeded", "out-of-stock", "idempotency-key-reused")
            .WithSummary("Holds units of one product ({productId, quantity}) or of several at once ({items: [...]}, a cart: all or nothing)")
            .WithDescription("A cart has 1–20 items, each product once, all of one sale (the products' saleId); it has one " +
                "deadline, the shortest holdSeconds of its products unless holdSeconds asks for less. Problems, each naming " +
                "the productId of the line it concerns: 404 product-not-found; 409 sale-not-open (with opensAt while the sale " +
                "has yet to open) before the product's salesOpenAt, from its salesCloseAt on, or while it is paused, by Redis's " +
                "clock; 409 cart-spans-sales; 409 limit-exceeded, out-of-stock. 400 validation, hold-too-long. Optional " +
                "Idempotency-Key: a repeat with the same body answers the first hold; 422 idempotency-key-reused with another.");
        group.MapGet("/", ListReservations).RequirePerCustomerLimit().WithProblems("validation", "forbidden")
            .WithSummary("The caller's reservations that Redis still keeps, newest first (an admin may pass customerId)")
            .WithDescription("Holds created in about the last two days (the time a hold stays readable by id); " +
                "GET /api/orders lists persisted purchases for good. status filters: held, purchased, completed, released, " +
                "expired. Problems: 400 validation (status, page ≥ 1, pageSize 1–100, customerId); " +
                "403 forbidden (customerId given by a customer who is not an admin).");
        group.MapGet("/{id:guid}", GetReservation).WithProblems("reservation-not-found")
            .WithSummary("A reservation of the caller (an admin may read any), while Redis keeps it")
            .WithDescription("Status held, purchased, completed (its order is persisted), released or expired; readable " +
                "while Redis keeps it (GET /api/orders keeps purchases for good). 404 reservation-not-found, also for " +
                "another customer's.");
        group.MapPost("/{id:guid}/purchase", PurchaseReservation).RequirePerCustomerLimit()
            .WithProblems("reservation-not-found", "hold-expired", "hold-released", "payment-required")
            .WithSummary("Buys a held reservation")
            .WithDescription("Owner only (or a payment service with the role payments). 200 with the reservation, purchased; " +
                "a repeat answers the first result. While payments are configured a customer pays through checkout " +
                "instead: 402 payment-required. 404 reservation-not-found; 410 hold-expired, hold-released.");
        group.MapPost("/{id:guid}/extend", ExtendReservation).RequirePerCustomerLimit()
            .WithSummary("Moves a held reservation's deadline later by `seconds`, never past its creation plus the product's maxHoldSeconds")
            .WithDescription("Owner only; optional Idempotency-Key (a repeat with the same seconds answers the first extension). " +
                "Problems: 400 validation (seconds 1–86400); 404 reservation-not-found (also someone else's); " +
                "409 extension-limit (+maxExpiresAt) or already-purchased; 410 hold-expired or hold-released; " +
                "422 idempotency-key-reused (the key was used with other seconds).")
            .WithProblems("validation", "reservation-not-found", "extension-limit", "already-purchased", "hold-expired",
                "hold-released", "idempotency-key-reused");
        group.MapDelete("/{id:guid}", ReleaseReservation).RequirePerCustomerLimit()
            .WithProblems("reservation-not-found", "already-purchased")
            .WithSummary("Releases a held reservation: its units go back to stock at once")
            .WithDescription("Owner only. 204, also when it had already expired or been released. 404 reservation-not-found; " +
                "409 already-purchased.");
        return group;
    }

    public static async Task<Results<Created<ReservationResponse>, ProblemHttpResult>> ReserveItem(
        ReserveItemRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var command = new ReserveItemCommand(
            user.CustomerId(), request.ProductId, request.Quantity, request.Items, idempotencyKey, request.HoldSeconds);
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/reservations/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<PagedResponse<ReservationResponse>>, ProblemHttpResult>> ListReservations(
        ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken,
        string? status = null, string? customerId = null,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize)
    {
        var query = new ListHoldsQuery(
            user.CustomerId(), user.IsInRole(Policies.Admin), customerId, status, page, pageSize);
        var result = await sender.Send(query, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetReservation(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetHoldQuery(id, user.CustomerId(), user.IsInRole(Policies.Admin)), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> PurchaseReservation(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new PurchaseHoldCommand(user.CustomerId(), id, user.IsInRole(Policies.Payments)), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    /// <summary>
    /// 200 with the hold and its new deadline; 409 <c>extension-limit</c> (+<c>maxExpiresAt</c>) or
    /// <c>already-purchased</c>; 410 <c>hold-expired</c> or <c>hold-released</c>; 422 <c>idempotency-key-reused</c>.
    /// </summary>
    public static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> ExtendReservation(
        Guid id, ExtendReservationRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var command = new ExtendHoldCommand(user.CustomerId(), id, request.Seconds, idempotencyKey);
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ReleaseReservation(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ReleaseHoldCommand(user.CustomerId(), id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem(context);
    }
}
