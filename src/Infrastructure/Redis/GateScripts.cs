using System.Reflection;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// The gate's Lua scripts, read once from embedded resources with lib.lua in front of each.
/// <see cref="LuaScript"/> sends EVALSHA and loads the script again when Redis answers NOSCRIPT.
/// </summary>
internal static class GateScripts
{
    /// <summary>lib.lua: the functions every script shares.</summary>
    public static readonly string Library = ReadResource("lib");

    public static readonly LuaScript Purchase = Load("purchase");
    public static readonly LuaScript Release = Load("release");
    public static readonly LuaScript Expire = Load("expire");
    public static readonly LuaScript Finalize = Load("finalize");
    public static readonly LuaScript DeadLetter = Load("deadletter");
    public static readonly LuaScript Retry = Load("retry");
    public static readonly LuaScript Read = Load("read");
    public static readonly LuaScript Adjust = Load("adjust");
    public static readonly LuaScript Mine = Load("mine");

    private static LuaScript Load(string name) => LuaScript.Prepare(Library + ReadResource(name));

    public static string ReadResource(string name)
    {
        var resource = $"Reservations.Infrastructure.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
