using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts;

/// <summary>
/// A gate script called with key and value arrays (a batch carries a variable number of requests, which named
/// parameters cannot express). Its SHA1 is computed once, so a call sends EVALSHA without hashing the script's text;
/// after SCRIPT FLUSH or a restart Redis answers NOSCRIPT, nothing ran, and the call is sent again with the text.
/// </summary>
internal sealed class BatchScript
{
    private readonly byte[] _sha1;

    private BatchScript(string text)
    {
        Text = text;
#pragma warning disable CA5350 // Redis names a script by its SHA1; nothing relies on the hash being hard to forge.
        _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5350
    }

    /// <summary>The whole script as Redis runs it: lib.lua, then the script itself.</summary>
    public string Text { get; }

    public static BatchScript Load(string name) => new(ScriptText.Of(name));

    public async Task<RedisResult> EvaluateAsync(IDatabase db, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await db.ScriptEvaluateAsync(_sha1, keys, values);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await db.ScriptEvaluateAsync(Text, keys, values);
        }
    }
}
