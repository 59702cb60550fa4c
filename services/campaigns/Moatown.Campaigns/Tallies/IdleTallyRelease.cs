using Microsoft.Extensions.Options;

namespace Moatown.Campaigns.Tallies;

/// <summary>How long an unused count stays in memory (section <c>Campaigns:Tallies</c>).</summary>
public sealed class TallyMemoryOptions
{
    public const string SectionName = "Campaigns:Tallies";

    public TimeSpan ReleaseIdleAfter { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Now and then, lets go of the counts nobody has used for a while (see <see cref="LiveTallies.ReleaseIdle"/>).</summary>
public sealed class IdleTallyRelease(LiveTallies tallies, IOptions<TallyMemoryOptions> options, TimeProvider time, ILogger<IdleTallyRelease> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var released = tallies.ReleaseIdle(options.Value.ReleaseIdleAfter);
            if (released > 0)
            {
                logger.LogInformation("Released the in-memory counts of {Campaigns} idle campaigns", released);
            }
        }
    }
}
