namespace Reservations.UnitTests.Infrastructure.Redis;

public class ClusterSlotTests
{
    [Fact]
    public void Of_WhenKnownVector_MatchesCrc16Xmodem() => ClusterSlot.Of("123456789").Should().Be(0x31C3 % 16_384);

    [Fact]
    public void Of_WhenKeysShareAHashTag_GivesOneSlot() =>
        ClusterSlot.Of("{user1000}.following").Should().Be(ClusterSlot.Of("{user1000}.followers"));

    [Fact]
    public void Of_WhenKeyHasAHashTag_HashesOnlyTheTag() => ClusterSlot.Of("prefix:{123456789}:suffix").Should().Be(12_739);

    [Fact]
    public void Of_WhenSeveralTags_UsesTheFirst() => ClusterSlot.Of("foo{bar}{zap}").Should().Be(ClusterSlot.Of("bar"));

    [Fact]
    public void Of_WhenTagIsEmpty_HashesTheWholeKey() => ClusterSlot.Of("{}123456789").Should().Be(1_951);

    [Fact]
    public void Of_WhenNoTag_StaysWithinTheSlotRange() =>
        Enumerable.Range(0, 1_000).Select(i => ClusterSlot.Of($"key:{i}")).Should().OnlyContain(s => s >= 0 && s < ClusterSlot.Count);
}
