namespace Moatown.Documents.Consents;

/// <summary>Section <c>Documents:Sealing:Queue</c>.</summary>
public sealed class SealQueueOptions
{
    public const string SectionName = "Documents:Sealing:Queue";

    public bool Enabled { get; set; } = true;
    /// <summary>
    /// Jobs this process seals side by side. A seal mostly waits (signing's submission, the TSA, the
    /// database), so one at a time leaves the CPU idle while a launch's backlog grows.
    /// </summary>
    public int Concurrency { get; set; } = 4;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>A TSA that stays down is asked again at least this often, for as long as it takes.</summary>
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(5);
}
