using System.Text.Json;
using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleOptionsTests
{
    private const string Key = "a-signing-key-of-at-least-32-bytes!";

    [Fact]
    public void Parse_NoOptions_SellsOverHttpWithTokensMintedByTheApi()
    {
        var (options, _) = SaleOptions.Parse([]);

        options!.Mode.Should().Be(SaleMode.Http);
        options.SigningKey.Should().BeNull();
        options.Tokens.Should().Be("minted by /api/dev/tokens");
        options.Issuer.Should().Be("reservations");
        options.Audience.Should().Be("reservations-api");
        options.CartLines.Should().Be(1);
    }

    [Theory]
    [InlineData("--cart-lines", "20", "--products", "20", 20)]
    [InlineData("--products", "3", "--cart-lines", "3", 3)]
    [InlineData("--cart-lines", "2", "--seed", "5", 2)]
    public void Parse_CartLinesUpToTwentyAndTheProducts_SellsCartsOfThatMany(
        string first, string firstValue, string second, string secondValue, int lines) =>
        SaleOptions.Parse([first, firstValue, second, secondValue]).Options!.CartLines.Should().Be(lines);

    [Theory]
    [InlineData("2", "1", "--cart-lines 2 needs at least 2 products, not --products 1")]
    [InlineData("5", "4", "--cart-lines 5 needs at least 5 products, not --products 4")]
    public void Parse_MoreCartLinesThanProducts_IsAnError(string lines, string products, string expected)
    {
        var (options, error) = SaleOptions.Parse(["--cart-lines", lines, "--products", products]);

        options.Should().BeNull();
        error.Should().Be(expected);
    }

    [Fact]
    public void Parse_SigningKeyIssuerAndAudience_SignsLocallyWithThem()
    {
        var (options, _) = SaleOptions.Parse(["--signing-key", Key, "--issuer", "idp", "--audience", "shop"]);

        options.Should().BeEquivalentTo(new { SigningKey = Key, Issuer = "idp", Audience = "shop", Tokens = "signed locally" });
    }

    [Fact]
    public void Parse_ASigningKeyShorterThanTheApiAccepts_IsAnError()
    {
        var (options, error) = SaleOptions.Parse(["--signing-key", "short"]);

        options.Should().BeNull();
        error.Should().Contain("--signing-key").And.Contain("32 bytes");
    }

    [Fact]
    public void Serialized_ForTheResults_NeverCarriesTheKey() =>
        JsonSerializer.Serialize(SaleOptions.Parse(["--signing-key", Key]).Options).Should().NotContain(Key).And.Contain("signed locally");

    [Fact]
    public void Parse_ModeGateAndRedis_SellsAtTheGateOfThatRedis()
    {
        var (options, _) = SaleOptions.Parse(["--mode", "gate", "--redis", "127.0.0.1:16400"]);

        options.Should().BeEquivalentTo(new { Mode = SaleMode.Gate, Redis = "127.0.0.1:16400", Tokens = "none (no HTTP)" });
    }

    [Theory]
    [InlineData("--mode", "grpc", "http or gate")]
    [InlineData("--mode", "1", "http or gate")]
    [InlineData("--max-quantity", "1001", "more than 1000")]
    [InlineData("--cart-lines", "0", "not a positive number")]
    [InlineData("--cart-lines", "21", "more than 20")]
    [InlineData("--redis", null, "needs a value")]
    public void Parse_AnOptionItCannotRead_IsAnError(string option, string? value, string expected)
    {
        var (options, error) = SaleOptions.Parse(value is null ? [option] : [option, value]);

        options.Should().BeNull();
        error.Should().Contain(expected);
    }
}
