using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Rolls;

/// <summary>What an import did: a new version (with its difference to the last), the same version again, or nothing because another import held the campaign.</summary>
public sealed record RollImportOutcome(RollImportResult Result, string Version, int Rows, int Properties, int Holders,
    IReadOnlyList<RollWarning> Warnings, RollDiff? Diff, IReadOnlyList<DeemedConsentRecord> DeemedConsents);

/// <summary>A new holder deemed to consent on import (rule 16): the properties taken over and the consenting holders replaced.</summary>
public sealed record DeemedConsentRecord(Guid HolderId, IReadOnlyList<string> PropertyIds, IReadOnlyList<Guid> Replaced);

public enum RollImportResult
{
    NewVersion,
    Unchanged,
    Busy,
}
