namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Waits for background work by polling a probe, never by a fixed delay.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {timeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
