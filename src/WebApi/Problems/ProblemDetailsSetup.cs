using System.Diagnostics;

namespace Reservations.WebApi.Problems;

internal static class ProblemDetailsSetup
{
    /// <summary>Every error body, ours or the framework's, is <c>application/problem+json</c> with our type and a trace id.</summary>
    public static IServiceCollection AddReservationsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem.Type is null || !problem.Type.StartsWith(ProblemCodes.TypePrefix, StringComparison.Ordinal))
            {
                var code = ProblemCodes.ForStatus(status);
                problem.Type = ProblemCodes.TypeOf(code);
                problem.Title = ProblemCodes.TitleOf(code);
            }

            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();
        return services;
    }
}
