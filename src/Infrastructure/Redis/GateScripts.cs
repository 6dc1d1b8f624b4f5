using System.Reflection;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>The gate's Lua scripts, read once from embedded resources. <see cref="LuaScript"/> sends EVALSHA and reloads on NOSCRIPT.</summary>
internal static class GateScripts
{
    public static readonly LuaScript Init = Load("init");

    private static LuaScript Load(string name)
    {
        var resource = $"Reservations.Infrastructure.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return LuaScript.Prepare(reader.ReadToEnd());
    }
}
