namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>Waits for an asynchronous effect (an event crossing the broker) with a deadline.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0}s waiting until {because}.");
            }
            await Task.Delay(200);
        }
    }
}
