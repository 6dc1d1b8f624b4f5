using System.Reflection;
using Reservations.Infrastructure.Redis.Scripts;

namespace Reservations.UnitTests.Infrastructure.Redis.Scripts;

public class ScriptTextTests
{
    public static TheoryData<string> Scripts() =>
    [
        "adjust", "deadletter", "expire", "extend", "feed", "finalize", "init", "mine", "purchase", "quarantine", "read",
        "release", "reserve", "retry", "switch", "terms",
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Of_AScriptInItsFolder_IsTheLibraryThenTheScript(string name)
    {
        var text = ScriptText.Of(name);

        ScriptText.Library.Should().StartWith("-- Shared by every gate script");
        text.Should().StartWith(ScriptText.Library);
        text.Length.Should().BeGreaterThan(ScriptText.Library.Length, "the script's own file follows the library");
    }

    [Fact]
    public void StreamFields_AreTheFieldNamesLibLuaWrites()
    {
        var fields = typeof(StreamFields).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        fields.Should().NotBeEmpty();
        foreach (var name in fields)
        {
            ScriptText.Library.Should().Contain($"{name} = '{name}'", "lib.lua's FIELD table names the field as StreamFields does");
        }
    }
}
