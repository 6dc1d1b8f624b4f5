using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Reservations.Application.Common.Results;

namespace Reservations.WebApi.Problems;

public static class ResultExtensions
{
    /// <summary>The RFC 9457 problem for an expected failure of a use case.</summary>
    public static ProblemHttpResult ToProblem(this Error error, HttpContext context)
    {
        var extensions = new Dictionary<string, object?>(error.Extensions ?? new Dictionary<string, object?>())
        {
            ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier,
        };
        return TypedResults.Problem(
            type: ProblemCodes.TypeOf(error.Code),
            title: ProblemCodes.TitleOf(error.Code),
            statusCode: error.Status,
            extensions: extensions);
    }
}
