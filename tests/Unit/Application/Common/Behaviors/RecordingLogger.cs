using Microsoft.Extensions.Logging;

namespace Reservations.UnitTests.Application.Common.Behaviors;

/// <summary>Keeps what was logged, rendered, with its structured state; enabled from <c>minimum</c> up.</summary>
internal sealed class RecordingLogger<T>(LogLevel minimum) : ILogger<T>
{
    public List<LoggedEntry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        Entries.Add(new LoggedEntry(logLevel, formatter(state, exception), properties.ToDictionary(p => p.Key, p => p.Value)));
    }
}

internal sealed record LoggedEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);
