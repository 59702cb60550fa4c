namespace Moatown.LogScanTests;

/// <summary>Everything personal the test runs send to the services: the roll files of Samples/ and the tests' own code.</summary>
public static class KnownPersonalData
{
    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IReadOnlyCollection<PersonalValue> Load()
    {
        var rolls = Directory.EnumerateFiles(SamplesDirectory, "*.csv").SelectMany(file => RollFiles.ValuesOf(File.ReadAllText(file)));
        return rolls.Concat(TestSourceValues.Read()).ToHashSet();
    }
}
