using Reservations.Application.Common.Results;
using Reservations.WebApi.Problems;

namespace Reservations.UnitTests.WebApi.Problems;

public class ErrorStatusesTests
{
    public static TheoryData<ErrorKind> Kinds => [.. Enum.GetValues<ErrorKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Of_EveryKind_IsAnErrorStatus(ErrorKind kind) =>
        ErrorStatuses.Of(kind).Should().BeInRange(400, 599);

    [Fact]
    public void Of_KindsThatMeanDifferentThings_AreDifferentStatuses() =>
        Enum.GetValues<ErrorKind>().Select(ErrorStatuses.Of).Should().OnlyHaveUniqueItems();
}
