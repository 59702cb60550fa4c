namespace Moatown.PackageVerifier;

/// <summary>One line per check, in the order run; the failures again for the summary line.</summary>
public sealed class Report
{
    private readonly List<string> _lines = [];
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Lines => _lines;

    public IReadOnlyList<string> Failures => _failures;

    public void Pass(string check) => _lines.Add($"ok      {check}");

    public void Warn(string message) => _lines.Add($"WARNING {message}");

    public void Fail(string failure)
    {
        _lines.Add($"FAIL    {failure}");
        _failures.Add(failure);
    }
}
