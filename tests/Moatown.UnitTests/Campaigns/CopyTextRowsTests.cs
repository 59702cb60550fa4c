using Moatown.Campaigns.Rolls;

namespace Moatown.UnitTests.Campaigns;

public sealed class CopyTextRowsTests
{
    [Fact]
    public void Fields_are_tab_separated_and_the_text_formats_special_characters_are_escaped()
    {
        var rows = new CopyTextRows();

        rows.Add("중화동 1\\2").Add("a\tb").Add("line\nbreak\r").Add((string?)null).Add(12.5m).Add((decimal?)null).Add(true).Add(7).EndRow();

        Assert.Equal("중화동 1\\\\2\ta\\tb\tline\\nbreak\\r\t\\N\t12.5\t\\N\tt\t7\n", rows.Take());
        Assert.Equal(0, rows.Length);
    }

    [Fact]
    public void Times_are_written_in_utc_and_ids_in_their_canonical_form()
    {
        var rows = new CopyTextRows();
        var id = Guid.Parse("0b7e4c0e-8a47-4a4f-9f53-52a3f4c1d2e3");

        rows.Add(id).Add(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.FromHours(9))).EndRow();

        Assert.Equal("0b7e4c0e-8a47-4a4f-9f53-52a3f4c1d2e3\t2026-12-04 09:00:00.000000+00\n", rows.Take());
    }
}
