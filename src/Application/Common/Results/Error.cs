namespace Reservations.Application.Common.Results;

/// <summary>An expected failure of a use case: a stable code, the HTTP status it maps to and optional details.</summary>
public sealed record Error(string Code, int Status, IReadOnlyDictionary<string, object?>? Extensions = null);
