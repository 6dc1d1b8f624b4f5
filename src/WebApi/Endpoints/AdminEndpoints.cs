using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Application.Admin.DeadLetters;
using Reservations.Application.Admin.DeadLetters.List;
using Reservations.Application.Admin.DeadLetters.Retry;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.Endpoints;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/dead-letters", ListDeadLetters);
        group.MapPost("/dead-letters/{id:guid}/retry", RetryDeadLetter);
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
