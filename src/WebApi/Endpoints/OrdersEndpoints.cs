using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Application.Common.Paging;
using Reservations.Application.Purchases;
using Reservations.Application.Purchases.Get;
using Reservations.Application.Purchases.List;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.Endpoints;

public static class OrdersEndpoints
{
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(Policies.Customer);
        group.MapGet("/", ListOrders).WithProblems("validation")
            .WithSummary("Lists the caller's orders (persisted purchases), newest first")
            .WithDescription("An order appears shortly after its purchase, once the Worker wrote it to PostgreSQL, and stays. "
                + "400 validation: page ≥ 1, pageSize 1–100.");
        group.MapGet("/{id:guid}", GetOrder).WithProblems("order-not-found")
            .WithSummary("An order of the caller (an admin may read any)")
            .WithDescription("404 order-not-found while the purchase is not persisted yet, when it was dead-lettered, or when "
                + "the order is another customer's.");
        return group;
    }

    public static async Task<Ok<PagedResponse<OrderResponse>>> ListOrders(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListPurchasesQuery(user.CustomerId(), page, pageSize), cancellationToken));

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        Guid id, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetPurchaseQuery(id, user.CustomerId(), user.IsInRole(Policies.Admin)), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }
}
