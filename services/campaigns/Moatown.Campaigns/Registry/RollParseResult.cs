using System.Diagnostics.CodeAnalysis;

namespace Moatown.Campaigns.Registry;

/// <summary>Either an accepted roll or every reason it was rejected; never part of a roll.</summary>
public sealed class RollParseResult
{
    private RollParseResult(Roll? roll, IReadOnlyList<RollError> errors)
    {
        Roll = roll;
        Errors = errors;
    }

    public Roll? Roll { get; }

    /// <summary>Empty when the roll was accepted; otherwise ordered by line, then column.</summary>
    public IReadOnlyList<RollError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Roll))]
    public bool Accepted => Roll is not null;

    internal static RollParseResult Of(Roll roll) => new(roll, []);

    // Column order of the specification, not of the checks: staff read a line left to right.
    internal static RollParseResult Rejected(IEnumerable<RollError> errors) =>
        new(null, errors.OrderBy(e => e.Line).ThenBy(e => RollColumns.Position(e.Column)).ToList());
}
