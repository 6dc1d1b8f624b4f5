namespace Reservations.Application.Common.Results;

/// <summary>An expected failure of a use case: a stable code, what kind of failure it is and optional details.</summary>
public sealed record Error(string Code, ErrorKind Kind, IReadOnlyDictionary<string, object?>? Extensions = null);
