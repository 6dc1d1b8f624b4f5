using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts;

/// <summary>
/// A gate script whose text names its keys and values (<c>@StockKey</c>, <c>@HoldId</c>…): <see cref="LuaScript"/> passes
/// each <see cref="RedisKey"/> member of <typeparamref name="TArguments"/> the script names in KEYS and each other in ARGV.
/// </summary>
internal sealed class NamedScript<TArguments>(string name)
    where TArguments : class
{
    // A call answered NOSCRIPT is sent again whole; a flush can land between that and the next EVALSHA of the same
    // call only if scripts are flushed over and over, so a few attempts are plenty and the bound keeps a fault visible.
    private const int Attempts = 4;

    private readonly LuaScript _script = LuaScript.Prepare(ScriptText.Of(name));

    /// <summary>
    /// Runs the script. SCRIPT FLUSH or a restart empties Redis's script cache; StackExchange.Redis then answers
    /// NOSCRIPT and sends the script whole (EVAL) on the next call, so a retry recovers unseen by the caller.
    /// </summary>
    public async Task<RedisResult> RunAsync(IDatabase db, TArguments arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _script.EvaluateAsync(db, arguments);
            }
            catch (RedisServerException e) when (attempt < Attempts && e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                // The script cache was emptied: the next attempt sends the script whole.
            }
        }
    }
}
