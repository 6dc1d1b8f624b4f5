using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;

namespace Reservations.WebApi.Problems;

/// <summary>The one place exceptions become responses: bad input is 400, an unreachable store 503, anything else 500.</summary>
internal sealed partial class GlobalExceptionHandler(
    IProblemDetailsService problems,
    IFailureClassifier failures,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
    ILogger<GlobalExceptionHandler> logger)
    : IExceptionHandler
{
    private const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException e => ValidationProblem(e.Errors
                .GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => ValidationProblem(
                new Dictionary<string, string[]> { [json.Path ?? "$"] = [JsonBodyErrors.Describe(json, BodyTypeOf(context))] }),
            // Its message names parameters and types of our code: the status (and its title) says enough.
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode },
            _ when failures.IsTransient(exception) => Unavailable(context),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
        }
        else if (problem.Status >= 500)
        {
            LogUnavailable(logger, exception.GetType().Name, exception.Message, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails ValidationProblem(Dictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemCodes.TypeOf(ProblemCodes.Validation),
            Title = "One or more fields are invalid.",
        };

    // Body properties read as the client wrote them (camelCase); a header keeps its own name (Idempotency-Key).
    private static string FieldName(string property) =>
        property.Contains('-', StringComparison.Ordinal) ? property : JsonNamingPolicy.CamelCase.ConvertName(property);

    // The middleware has cleared the request's endpoint by now; its feature keeps the one that threw.
    private JsonTypeInfo? BodyTypeOf(HttpContext context)
    {
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type
            ? jsonOptions.Value.SerializerOptions.GetTypeInfo(type)
            : null;
    }

    private static ProblemDetails Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A store is unavailable ({ExceptionType}: {Reason}) on {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType, string reason, string method, string path);
}
