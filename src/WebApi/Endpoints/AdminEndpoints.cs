using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Application.Admin.DeadLetters;
using Reservations.Application.Admin.DeadLetters.List;
using Reservations.Application.Admin.DeadLetters.Retry;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.Endpoints;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/dead-letters", ListDeadLetters)
            .WithSummary("Lists the purchases PostgreSQL refused for good (dead letters), oldest first per shard")
            .WithDescription("Admin only. Each dead letter is a purchase Redis sold that the Worker could not persist; its units "
                + "count as deadLettered in the product's ledger until it is retried.");
        group.MapPost("/dead-letters/{id:guid}/retry", RetryDeadLetter).WithProblems("dead-letter-not-found")
            .WithSummary("Queues a dead-lettered purchase for the Worker again")
            .WithDescription("Admin only. 202 with the order's Location: the order appears there once the Worker persisted it. "
                + "404 dead-letter-not-found when the reservation has no dead letter (never refused, or already retried).");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<DeadLetterResponse>>> ListDeadLetters(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDeadLettersQuery(), cancellationToken));

    /// <summary>202: queued again; the order appears at its Location once the Worker persisted it.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> RetryDeadLetter(
        Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RetryDeadLetterCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted($"/api/orders/{id}") : result.Error!.ToProblem(context);
    }
}
