using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.List;

public static class HoldStatusNames
{
    private static readonly Dictionary<string, HoldStatus> ByName =
        Enum.GetValues<HoldStatus>().ToDictionary(status => status.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out HoldStatus status) => ByName.TryGetValue(name, out status);
}
