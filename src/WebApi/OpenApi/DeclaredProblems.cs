namespace Reservations.WebApi.OpenApi;

/// <summary>Endpoint metadata: the problem codes a route's use case can answer (<see cref="ProblemResponsesTransformer"/>).</summary>
public sealed record DeclaredProblems(IReadOnlyList<string> Codes);

public static class DeclaredProblemsExtensions
{
    /// <summary>
    /// Documents the problems of the route's own use case, by code (<c>ProblemCatalog</c>); those every route of its kind
    /// can answer (401, 403, 429, 500, 503…) are added by the transformer.
    /// </summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new DeclaredProblems(codes));
}
