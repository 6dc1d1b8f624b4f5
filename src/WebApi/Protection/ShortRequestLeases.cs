namespace Reservations.WebApi.Protection;

/// <summary>
/// What a request holds on the assumption that it is short: its overload-gate slot and its caller's open-request permit.
/// On a route marked <see cref="WithLongLivedResponses{TBuilder}"/> (a stream) the response gives them back once it
/// starts, so it neither counts as in flight nor keeps a permit meant for short requests, and its request line is not
/// logged as slow (<see cref="RequestLogLevels"/>). Other routes keep nothing here.
/// </summary>
internal static class ShortRequestLeases
{
    public static TBuilder WithLongLivedResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(LongLived.Instance);

    /// <summary>Keeps the lease for an early release when the request's route has long-lived responses.</summary>
    public static void Hold(HttpContext context, IDisposable lease)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<LongLived>() is null)
        {
            return;
        }

        var leases = context.Features.Get<Leases>();
        if (leases is null)
        {
            leases = new Leases();
            context.Features.Set(leases);
        }

        leases.Add(lease);
    }

    /// <summary>Releases them now; whoever took them disposes them again at the end, which changes nothing.</summary>
    public static void ReleaseForLongLivedResponse(HttpContext context)
    {
        context.Items[RequestLogLevels.LongLived] = true;
        if (context.Features.Get<Leases>() is not { } leases)
        {
            return;
        }

        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        leases.Clear();
    }

    private sealed class LongLived
    {
        public static readonly LongLived Instance = new();
    }

    private sealed class Leases : List<IDisposable>;
}
