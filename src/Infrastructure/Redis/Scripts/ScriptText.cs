using System.Reflection;

namespace Reservations.Infrastructure.Redis.Scripts;

/// <summary>A gate script as Redis runs it: lib.lua, then the script's own embedded <c>Scripts/&lt;Name&gt;/&lt;name&gt;.lua</c>.</summary>
internal static class ScriptText
{
    public static readonly string Library = ReadResource("lib");

    public static string Of(string name) => Library + ReadResource(name);

    private static string ReadResource(string name)
    {
        var resource = $"Reservations.Infrastructure.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
