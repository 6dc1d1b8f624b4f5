using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

internal static class LuaScriptExtensions
{
    // A call answered NOSCRIPT is sent again whole; a flush can land between that and the next EVALSHA of the same
    // call only if scripts are flushed over and over, so a few attempts are plenty and the bound keeps a fault visible.
    private const int Attempts = 4;

    /// <summary>
    /// Runs a gate script. SCRIPT FLUSH or a restart empties Redis's script cache; StackExchange.Redis then answers
    /// NOSCRIPT and sends the script whole (EVAL) on the next call, so a retry recovers unseen by the caller.
    /// </summary>
    public static async Task<RedisResult> RunAsync(this LuaScript script, IDatabase db, GateArguments arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await script.EvaluateAsync(db, arguments);
            }
            catch (RedisServerException e) when (attempt < Attempts && e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                // The script cache was emptied: the next attempt sends the script whole.
            }
        }
    }
}
