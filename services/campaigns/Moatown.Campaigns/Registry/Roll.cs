namespace Moatown.Campaigns.Registry;

/// <summary>
/// A validated owner roll: one row per holder of each property, and its version.
/// </summary>
public sealed class Roll
{
    /// <summary>
    /// Rows already validated (by <see cref="RollParser"/>, or when they were stored): this does
    /// not check them again, it only computes the version, so that a stored roll and the same roll
    /// re-imported have the same version.
    /// </summary>
    public Roll(IReadOnlyList<RollRow> rows, IReadOnlyList<RollWarning>? warnings = null)
    {
        Rows = rows;
        Warnings = warnings ?? [];
        Version = RollVersion.Of(rows);
    }

    /// <summary>In file order.</summary>
    public IReadOnlyList<RollRow> Rows { get; }

    public IReadOnlyList<RollWarning> Warnings { get; }

    /// <summary>"sha256:&lt;hex&gt;" of the roll's canonical content (see <see cref="RollVersion"/>).</summary>
    public string Version { get; }
}
