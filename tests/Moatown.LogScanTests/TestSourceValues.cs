using System.Text.RegularExpressions;
using Moatown.Testing;

namespace Moatown.LogScanTests;

/// <summary>
/// Personal data the integration and end-to-end tests write in their code rather than in a roll file:
/// rolls with Korean headers, holders swapped into the sample roll, phone numbers queued directly.
/// Read from the sources, so a test added tomorrow with a new number is scanned for without a list
/// here falling behind.
/// </summary>
public static partial class TestSourceValues
{
    public static readonly string[] Projects = ["Moatown.IntegrationTests", "Moatown.EndToEndTests"];

    // A roll row written in code: …,김민준,1980-01-01,… (a person's name followed by a birth date).
    [GeneratedRegex(@",(?<name>\p{IsHangulSyllables}{2,5}),(?<birth>\d{4}-\d{2}-\d{2}),")]
    private static partial Regex RollRow();

    public static IEnumerable<PersonalValue> Read()
    {
        foreach (var project in Projects)
        {
            var directory = Path.Combine(RepositoryLayout.Root, "tests", project);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                  && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                foreach (var value in ValuesIn(File.ReadAllText(file)))
                {
                    yield return value;
                }
            }
        }
    }

    public static IEnumerable<PersonalValue> ValuesIn(string source)
    {
        foreach (Match row in RollRow().Matches(source))
        {
            yield return new(PersonalKind.Name, row.Groups["name"].Value);
            yield return new(PersonalKind.BirthDate, row.Groups["birth"].Value);
        }
        foreach (var phone in PhoneNumbers.In(source))
        {
            yield return new(PersonalKind.Phone, phone);
        }
    }
}
