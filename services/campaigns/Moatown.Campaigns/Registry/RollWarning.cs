namespace Moatown.Campaigns.Registry;

/// <summary>Something in an accepted roll that staff should look at; it does not stop the import.</summary>
public sealed record RollWarning(int Line, string? Column, string Reason);
