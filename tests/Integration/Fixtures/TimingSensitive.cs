namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Tests that keep a request open with <see cref="HeldRequest"/>, whose body must keep trickling above Kestrel's minimum
/// data rate: with the whole suite running beside them the trickle fell behind and the request ended early
/// (OverloadTests failed in full runs, never alone). They run alone, after every parallel test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}
