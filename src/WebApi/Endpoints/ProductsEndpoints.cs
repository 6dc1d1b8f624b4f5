using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.Adjustments;
using Reservations.Application.Products.AdjustStock;
using Reservations.Application.Products.Changes;
using Reservations.Application.Products.Create;
using Reservations.Application.Products.Edit;
using Reservations.Application.Products.Get;
using Reservations.Application.Products.GetAdjustment;
using Reservations.Application.Products.Ledger;
using Reservations.Application.Products.List;
using Reservations.Domain.Products;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;
using Reservations.WebApi.Products;

namespace Reservations.WebApi.Endpoints;

public static class ProductsEndpoints
{
    public static RouteGroupBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapPost("/", CreateProduct).RequireAuthorization(Policies.Admin).WithProblems("validation", "duplicate-sku")
            .WithSummary("Creates a product with its stock, terms and optional sale window")
            .WithDescription("Admin only. 201 once PostgreSQL and the gate in Redis have it; a retry of a create that stopped " +
                "before Redis had the product answers 201 with that product. 400 validation (sku, name, price with at most " +
                "two decimals, stock, maxPerCustomer, holdSeconds ≤ maxHoldSeconds, the sale window, saleId); " +
                "409 duplicate-sku.");
        group.MapGet("/", ListProducts).WithProblems("validation")
            .WithSummary("Lists the products with their current availability")
            .WithDescription("Anonymous. available is what Redis can still hold now. 400 validation: page ≥ 1, pageSize 1–100.");
        group.MapGet("/{id:guid}", GetProduct).WithProblems("product-not-found")
            .WithSummary("A product with its terms, sale window and current availability")
            .WithDescription("Anonymous. 404 product-not-found for an unknown id.");
        group.MapPatch("/{id:guid}", EditProduct).RequireAuthorization(Policies.Admin)
            .Accepts<ProductPatchDocument>(ProductPatchReader.MediaType)
            .WithProblems("validation", "product-not-found", "unsupported-media-type", "change-pending")
            .WithSummary("Edits a product's terms and sale window (JSON merge patch)")
            .WithDescription("application/merge-patch+json: absent members stay, null clears maxPerCustomer, salesOpenAt and " +
                "salesCloseAt. Reserves before salesOpenAt, from salesCloseAt on or while paused answer 409 sale-not-open, " +
                "decided by Redis's clock; holds already taken keep their price, limit and deadline. Each edit is recorded " +
                "with its admin and the optional ?reason (GET …/changes). 400 validation for unknown members, saleId (set at creation), wrong types, " +
                "null for name, price, holdSeconds, maxHoldSeconds or paused, salesCloseAt not after salesOpenAt, or " +
                "holdSeconds above maxHoldSeconds (raise both in one patch). 503 change-pending: PostgreSQL has the edit, " +
                "the gate gets it from the Worker within seconds.");
        group.MapGet("/{id:guid}/changes", ListProductChanges).RequireAuthorization(Policies.Admin)
            .WithProblems("validation", "product-not-found")
            .WithSummary("Lists a product's edits, newest first: who, when, why, each field's before and after")
            .WithDescription("Admin only. 400 validation: page ≥ 1, pageSize 1–100; 404 product-not-found.");
        group.MapPost("/{id:guid}/stock", AdjustStock).RequireAuthorization(Policies.Admin)
            .WithProblems("validation", "product-not-found", "idempotency-key-reused", "total-stock-mismatch",
                "stock-limit-exceeded", "insufficient-available")
            .WithSummary("Adds or removes units of a product's stock (delta), recorded with its admin and reason")
            .WithDescription("Admin only; optional Idempotency-Key (a repeat with the same body answers the first adjustment) and " +
                "expectedTotalStock (refused with 409 total-stock-mismatch when the total changed since it was read). 201 " +
                "once Redis has the change, 202 while it is pending (the Worker completes it; poll its Location). 409 " +
                "insufficient-available (removing more than available) or stock-limit-exceeded (over 100,000,000); " +
                "422 idempotency-key-reused.");
        group.MapGet("/{id:guid}/ledger", GetProductLedger).RequireAuthorization(Policies.Admin).WithProblems("product-not-found")
            .WithSummary("A product's stock ledger: total, available, held, purchasing, dead-lettered and sold units")
            .WithDescription("Admin only. balanced says whether the parts add up to the total stock, as they must.");
        group.MapGet("/{id:guid}/adjustments", ListStockAdjustments).RequireAuthorization(Policies.Admin)
            .WithProblems("validation", "product-not-found")
            .WithSummary("Lists a product's stock adjustments, newest first")
            .WithDescription("Admin only. Each is pending, applied or reverted. 400 validation: page ≥ 1, pageSize 1–100.");
        group.MapGet("/{id:guid}/adjustments/{adjustmentId:guid}", GetStockAdjustment).RequireAuthorization(Policies.Admin)
            .WithProblems("adjustment-not-found")
            .WithSummary("A stock adjustment, to follow a pending one to applied or reverted")
            .WithDescription("Admin only. 404 adjustment-not-found when the product has no adjustment with this id.");
        return group;
    }

    public sealed record AdjustStockRequest(int Delta, string? Reason = null, int? ExpectedTotalStock = null);

    public static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> CreateProduct(
        CreateProductCommand command, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/products/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(context);
    }

    public static async Task<Ok<PagedResponse<ProductResponse>>> ListProducts(
        ISender sender, CancellationToken cancellationToken,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListProductsQuery(page, pageSize), cancellationToken));

    /// <summary>201 once Redis has the change too; 202 while it is pending (Redis did not answer in time).</summary>
    public static async Task<Results<Created<AdjustStockResponse>, Accepted<AdjustStockResponse>, ProblemHttpResult>> AdjustStock(
        Guid id, AdjustStockRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var command = new AdjustStockCommand(
            id, request.Delta, user.CustomerId(), request.Reason, idempotencyKey, request.ExpectedTotalStock);
        var result = await sender.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem(context);
        }

        var location = $"/api/products/{id}/adjustments/{result.Value.AdjustmentId}";
        return result.Value.Status == StockAdjustmentStatus.Pending
            ? TypedResults.Accepted(location, result.Value)
            : TypedResults.Created(location, result.Value);
    }

    public static async Task<Results<Ok<StockAdjustmentResponse>, ProblemHttpResult>> GetStockAdjustment(
        Guid id, Guid adjustmentId, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetStockAdjustmentQuery(id, adjustmentId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<PagedResponse<StockAdjustmentResponse>>, ProblemHttpResult>> ListStockAdjustments(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize)
    {
        var result = await sender.Send(new ListStockAdjustmentsQuery(id, page, pageSize), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> EditProduct(
        Guid id, HttpRequest request, ClaimsPrincipal user, ISender sender, HttpContext context, CancellationToken cancellationToken,
        string? reason = null)
    {
        if (!ProductPatchReader.HasMergePatchContentType(request))
        {
            return context.StatusProblem(StatusCodes.Status415UnsupportedMediaType);
        }

        var (patch, errors) = await ProductPatchReader.ReadAsync(request.Body, cancellationToken);
        if (patch is null)
        {
            return ProductErrors.InvalidTerms(errors).ToProblem(context);
        }

        var result = await sender.Send(new EditProductCommand(id, user.CustomerId(), patch, reason), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<PagedResponse<ProductChangeResponse>>, ProblemHttpResult>> ListProductChanges(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize)
    {
        var result = await sender.Send(new ListProductChangesQuery(id, page, pageSize), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<LedgerResponse>, ProblemHttpResult>> GetProductLedger(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetProductLedgerQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetProductQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
    }
}
