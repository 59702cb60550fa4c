namespace Moatown.LogScanTests;

/// <summary>A personal value found in a log: where, and which one (masked).</summary>
public sealed record Finding(string File, int Line, PersonalValue Value)
{
    public override string ToString() => $"{Path.GetFileName(File)}:{Line} {Value.Masked}";
}
