using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Rolls;

/// <summary>What an import did: a new version (with its difference to the last), the same version again, or nothing because another import held the campaign.</summary>
public sealed record RollImportOutcome(RollImportResult Result, string Version, int Rows, int Properties, int Holders,
    IReadOnlyList<RollWarning> Warnings, RollDiff? Diff);

public enum RollImportResult
{
    NewVersion,
    Unchanged,
    Busy,
}
