using Moatown.ServiceDefaults.Hosting;

namespace Moatown.Documents.Consents;

/// <summary>Wakes this process's sealer when a submission arrives; other replicas' jobs are found by polling.</summary>
public sealed class SealQueueSignal : WakeUpSignal;
