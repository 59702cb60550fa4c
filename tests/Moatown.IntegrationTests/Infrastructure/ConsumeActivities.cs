using System.Collections.Concurrent;
using System.Diagnostics;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>Records MassTransit's consume spans, to check which trace a consumer ran in.</summary>
public sealed class ConsumeActivities : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentBag<ActivityTraceId> _traces = [];

    public ConsumeActivities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer)
                {
                    _traces.Add(activity.TraceId);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public bool InTrace(ActivityTraceId traceId) => _traces.Contains(traceId);

    public void Dispose() => _listener.Dispose();
}
