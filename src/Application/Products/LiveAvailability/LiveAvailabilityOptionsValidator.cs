using Microsoft.Extensions.Options;

namespace Reservations.Application.Products.LiveAvailability;

public sealed class LiveAvailabilityOptionsValidator : IValidateOptions<LiveAvailabilityOptions>
{
    /// <summary>The promise to a client that resumes after a short disconnect.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan MaxRetention = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, LiveAvailabilityOptions options)
    {
        List<string> failures = [];
        if (options.MaxStreamsPerClient < 1 || options.MaxStreams < 1)
        {
            failures.Add($"{LiveAvailabilityOptions.Section}:MaxStreamsPerClient and :MaxStreams must be 1 or more.");
        }

        if (options.Tick < TimeSpan.FromMilliseconds(10) || options.Tick > TimeSpan.FromSeconds(5))
        {
            failures.Add($"{LiveAvailabilityOptions.Section}:Tick must be 10 ms–5 s.");
        }

        if (options.KeepAlive < TimeSpan.FromMilliseconds(100) || options.KeepAlive > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{LiveAvailabilityOptions.Section}:KeepAlive must be 100 ms–5 min.");
        }

        if (options.Retention < MinRetention || options.Retention > MaxRetention)
        {
            failures.Add($"{LiveAvailabilityOptions.Section}:Retention must be 60 s–1 h.");
        }

        if (options.ReconnectDelay < TimeSpan.FromMilliseconds(100) || options.ReconnectDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{LiveAvailabilityOptions.Section}:ReconnectDelay must be 100 ms–1 min.");
        }

        if (options.TotalsRefresh < TimeSpan.FromMilliseconds(100) || options.TotalsRefresh > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{LiveAvailabilityOptions.Section}:TotalsRefresh must be 100 ms–5 min.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
