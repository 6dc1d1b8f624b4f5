namespace Reservations.WebApi.Protection;

/// <summary>
/// What a request holds on the assumption that it is short: its overload-gate slot and its caller's open-request permit.
/// A long-lived response (a stream) gives them back once it starts, so it neither counts as in flight nor keeps a
/// permit meant for short requests, and its request line is not logged as slow (<see cref="RequestLogLevels"/>).
/// </summary>
internal sealed class ShortRequestLeases
{
    private readonly List<IDisposable> _leases = [];

    public static void Hold(HttpContext context, IDisposable lease)
    {
        var leases = context.Features.Get<ShortRequestLeases>();
        if (leases is null)
        {
            leases = new ShortRequestLeases();
            context.Features.Set(leases);
        }

        leases._leases.Add(lease);
    }

    /// <summary>Releases them now; whoever took them may dispose them again at the end, which changes nothing.</summary>
    public static void ReleaseForLongLivedResponse(HttpContext context)
    {
        context.Items[RequestLogLevels.LongLived] = true;
        if (context.Features.Get<ShortRequestLeases>() is not { } leases)
        {
            return;
        }

        foreach (var lease in leases._leases)
        {
            lease.Dispose();
        }

        leases._leases.Clear();
    }
}
