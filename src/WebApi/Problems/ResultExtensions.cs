using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Application.Common.Results;

namespace Reservations.WebApi.Problems;

public static class ResultExtensions
{
    public static ProblemHttpResult ToProblem(this Error error, HttpContext context) =>
        Problem(error.Code, ErrorStatuses.Of(error.Kind), error.Extensions, context);

    /// <summary>The problem of a refusal made by status alone, as the framework makes them (a 415 before reading the body).</summary>
    public static ProblemHttpResult StatusProblem(this HttpContext context, int status) =>
        Problem(ProblemCodes.ForStatus(status), status, null, context);

    private static ProblemHttpResult Problem(
        string code, int status, IReadOnlyDictionary<string, object?>? details, HttpContext context)
    {
        var extensions = new Dictionary<string, object?>(details ?? new Dictionary<string, object?>())
        {
            ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier,
        };
        return TypedResults.Problem(
            type: ProblemCodes.TypeOf(code),
            title: ProblemCodes.TitleOf(code),
            statusCode: status,
            extensions: extensions);
    }
}
