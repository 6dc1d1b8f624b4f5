using System.Globalization;
using System.Text;

namespace Reservations.Load.Availability;

/// <summary>Reads text/event-stream lines into frames, one frame per blank line (the WHATWG rules this API needs).</summary>
public sealed class EventStreamParser
{
    private readonly StringBuilder _data = new();
    private string? _id;
    private string? _event;
    private string? _comment;
    private int? _retry;
    private bool _hasData;
    private bool _any;

    /// <summary>The frame a blank line ends, or null while the frame goes on (or when a blank line ends nothing).</summary>
    public EventStreamFrame? Feed(string line)
    {
        if (line.Length == 0)
        {
            return _any ? Dispatch() : null;
        }

        _any = true;
        if (line[0] == ':')
        {
            _comment = line[1..].TrimStart();
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var (field, value) = colon < 0 ? (line, string.Empty) : (line[..colon], line[(colon + 1)..]);
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "id":
                _id = value;
                break;
            case "event":
                _event = value;
                break;
            case "data":
                _data.Append(_hasData ? "\n" : string.Empty).Append(value);
                _hasData = true;
                break;
            case "retry" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var retry):
                _retry = retry;
                break;
        }

        return null;
    }

    private EventStreamFrame Dispatch()
    {
        var frame = new EventStreamFrame(_id, _event, _hasData ? _data.ToString() : null, _comment, _retry);
        _data.Clear();
        (_id, _event, _comment, _retry, _hasData, _any) = (null, null, null, null, false, false);
        return frame;
    }
}
