using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

internal static class LuaScriptExtensions
{
    /// <summary>
    /// Runs a gate script. SCRIPT FLUSH or a restart empties Redis's script cache; StackExchange.Redis then answers
    /// NOSCRIPT once and sends the script whole (EVAL) on the next call, so one retry recovers unseen by the caller.
    /// </summary>
    public static async Task<RedisResult> RunAsync(this LuaScript script, IDatabase db, GateArguments arguments)
    {
        try
        {
            return await script.EvaluateAsync(db, arguments);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await script.EvaluateAsync(db, arguments);
        }
    }
}
