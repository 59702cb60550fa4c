namespace Moatown.Campaigns.Registry;

/// <summary>
/// Why a roll was rejected, at a place a staff member can find in their spreadsheet:
/// the 1-based line of the CSV file and the English column name (null when the problem is the
/// whole line or the whole file).
/// </summary>
public sealed record RollError(int Line, string? Column, string Reason);
