namespace Moatown.LogScanTests;

/// <summary>A scanner that cannot fail proves nothing: plant the sample roll's values in a log and find them.</summary>
public sealed class LogScannerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("moatown-logscan-").FullName;
    private readonly LogScanner _scanner = new(KnownPersonalData.Load());

    [Fact]
    public void Finds_a_planted_phone_in_every_format_a_name_a_birth_date_and_an_address()
    {
        var log = Write(
            "info: campaign 3 opened",
            "Message queued for 010-0000-0001",
            "to=01000000001 status=sent",
            """{"Message":"sent","State":{"To":"\u002B821000000001"}}""",
            "Holder 김민준 imported",
            """{"Message":"Holder \uAE40\uBBFC\uC900 imported"}""",
            "born 1980-01-01",
            "address=서울특별시 중랑구 중화동 1-1",
            "info: done");

        var findings = _scanner.Scan(log).Select(f => (f.Line, f.Value.Kind)).ToList();

        Assert.Equal(
            [(2, PersonalKind.Phone), (3, PersonalKind.Phone), (4, PersonalKind.Phone), (5, PersonalKind.Name), (6, PersonalKind.Name),
             (7, PersonalKind.BirthDate), (8, PersonalKind.Address)],
            findings);
    }

    [Fact]
    public void A_finding_names_the_file_and_line_but_not_the_value()
    {
        var log = Write("ok", "Holder 김민준 at +82 10 0000 0001");

        var findings = _scanner.Scan(log).Select(f => f.ToString()).ToList();

        Assert.Equal([$"{Path.GetFileName(log)}:2 Phone 0…(11 chars)", $"{Path.GetFileName(log)}:2 Name 김…(3 chars)"], findings);
    }

    [Fact]
    public void Masked_numbers_ids_and_timestamps_are_not_findings()
    {
        var log = Write(
            "2026-12-04T20:35:57.0100000+00:00 Information Message 01a242c5-4f9d-7c06-bbde-097c2c510aa4 to 010-****-0001",
            "Holder 김*준 has phone ending 0001; tally 7 of 9 owners, 1,850 of 2,750 m², 중랑구 and 대한민국 counted",
            "sequence 1010000000012 and 21980-01-015");

        Assert.Empty(_scanner.Scan(log));
    }

    [Fact]
    public void The_known_values_hold_the_sample_roll_and_the_rolls_written_in_test_code()
    {
        var values = KnownPersonalData.Load();

        Assert.Contains(new PersonalValue(PersonalKind.Name, "김민준"), values);
        Assert.Contains(new PersonalValue(PersonalKind.Phone, "01000000001"), values);
        Assert.Contains(new PersonalValue(PersonalKind.BirthDate, "1950-01-01"), values);
        Assert.Contains(new PersonalValue(PersonalKind.Address, "서울특별시 중랑구 중화동 1-1"), values);
        // Public and corporate owners are not personal data.
        Assert.DoesNotContain(new PersonalValue(PersonalKind.Name, "중랑구"), values);
        Assert.DoesNotContain(new PersonalValue(PersonalKind.Name, "주식회사 한빛"), values);
        // From the tests' code: a holder swapped into the sample roll, a roll with Korean headers, a number queued directly.
        Assert.Contains(new PersonalValue(PersonalKind.Name, "송민호"), values);
        Assert.Contains(new PersonalValue(PersonalKind.Name, "가나다"), values);
        Assert.Contains(new PersonalValue(PersonalKind.Phone, "01031415926"), values);
        Assert.Contains(new PersonalValue(PersonalKind.Phone, "01056781234"), values);
    }

    [Theory]
    [InlineData("010-1234-5678")]
    [InlineData("01012345678")]
    [InlineData("010 1234 5678")]
    [InlineData("010.1234.5678")]
    [InlineData("(010) 1234-5678")]
    [InlineData("+821012345678")]
    [InlineData("+82 10 1234 5678")]
    [InlineData("+82-10-1234-5678")]
    [InlineData("+82 010-1234-5678")]
    [InlineData("+82 (0)10 1234 5678")]
    public void Phones_are_recognised_in_every_spelling_the_roll_accepts(string spelling)
    {
        Assert.Equal(["01012345678"], PhoneNumbers.In($"to={spelling};"));
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_directory, "planted.log");
        File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
