using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.OpenApi;

/// <summary>
/// Documents every problem an operation can answer, as <c>application/problem+json</c> responses grouped by status,
/// each naming the <c>type</c> URIs it can carry: the route's own (<see cref="DeclaredProblems"/>) and those of the
/// pipeline (binding, authentication, body limits, rate limits, load shedding, unexpected faults).
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var declared = metadata.OfType<DeclaredProblems>().SelectMany(p => p.Codes);
        var types = declared.Concat(PipelineProblems(operation, metadata)).Distinct(StringComparer.Ordinal)
            .Select(code => ProblemCatalog.Find(code) ?? throw new InvalidOperationException($"No problem type '{code}' in the catalog."));

        operation.Responses ??= [];
        foreach (var byStatus in types.GroupBy(t => t.Status!.Value).OrderBy(g => g.Key))
        {
            operation.Responses[byStatus.Key.ToString(CultureInfo.InvariantCulture)] =
                Response(byStatus.Key, [.. byStatus], context.Document!);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<string> PipelineProblems(OpenApiOperation operation, IList<object> metadata)
    {
        var hasBody = operation.RequestBody is not null;
        if (hasBody || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            yield return "bad-request";
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            yield return "unauthorized";
            if (policies.Contains(Policies.Admin))
            {
                yield return "forbidden";
            }
        }

        if (hasBody)
        {
            yield return "payload-too-large";
            yield return "unsupported-media-type";
        }

        if (!metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            yield return "rate-limited";
        }

        yield return ProblemCodes.Internal;
        yield return ProblemCodes.Unavailable;
    }

    private static OpenApiResponse Response(int status, IReadOnlyList<ProblemType> types, OpenApiDocument document)
    {
        var schema = types.Any(t => t.Code == ProblemCodes.Validation) ? ValidationProblemSchema : ProblemSchema;
        var response = new OpenApiResponse
        {
            Description = $"{ReasonPhrases.GetReasonPhrase(status)}. Problem types: "
                + string.Join("; ", types.Select(t => $"{ProblemCodes.TypeOf(t.Code)} ({t.Title})")) + ".",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader> { [RetryAfter.Name] = RetryAfter.Header(status) };
        }

        return response;
    }
}
