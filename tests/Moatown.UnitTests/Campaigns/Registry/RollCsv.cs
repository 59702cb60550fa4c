using System.Text;
using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

/// <summary>Rolls for the tests, as CSV text, and a way to parse them with a fixed "today".</summary>
internal static class RollCsv
{
    public const string Header =
        "property_id,property_kind,lot_number,land_area_m2,owner_id,owner_name,birth_date,phone,share,representative,owner_type,managing_authority,status,address";

    public const string KoreanHeader =
        "물건번호,구분,지번,면적,소유자번호,성명,생년월일,연락처,지분,대표자,소유구분,재산관리청,상태,주소";

    /// <summary>shared/samples/registry-sample.csv, copied: the tests must not depend on files outside the repository.</summary>
    public const string Sample = Header + "\n" + SampleRows;

    public const string SampleRows = """
L-1,land,중화동 1-1,300,,김민준,1980-01-01,010-0000-0001,1,,person,,,서울특별시 중랑구 중화동 1-1
L-2,land,중화동 1-2,200,,김민준,1980-01-01,010-0000-0001,1,,person,,,서울특별시 중랑구 중화동 1-1
B-1,building,중화동 1-1,,,김민준,1980-01-01,010-0000-0001,1,,person,,,서울특별시 중랑구 중화동 1-1
L-3,land,중화동 1-3,250,,이서연,1975-05-05,010-0000-0002,1/2,Y,person,,,
L-3,land,중화동 1-3,250,,박지훈,1972-03-03,010-0000-0003,1/2,,person,,,
B-2,building,중화동 1-3,,,이서연,1975-05-05,010-0000-0002,1/2,Y,person,,,
B-2,building,중화동 1-3,,,박지훈,1972-03-03,010-0000-0003,1/2,,person,,,
L-4,land,중화동 1-4,400,,최유진,1990-09-09,010-0000-0004,1/3,,person,,,
L-4,land,중화동 1-4,400,,정하은,1988-08-08,010-0000-0005,1/3,,person,,,
L-4,land,중화동 1-4,400,,강도윤,1985-12-12,,1/3,,person,,,
L-5,land,중화동 1-5,150,,이서연,1975-05-05,010-0000-0002,1,,person,,,
L-6,land,중화동 1-6,500,,대한민국,,,1,,public,국토교통부,,
L-7,land,중화동 1-7,120,,중랑구,,,1,,public,중랑구,,
L-8,land,중화동 1-8,130,,중랑구,,,1,,public,중랑구,,
L-9,land,중화동 1-9,180,,윤서준,1950-01-01,,1,,person,,unlocatable,
B-3,building,중화동 1-9,,,임수아,1966-06-06,010-0000-0006,1,,person,,,
L-10,land,중화동 1-10,220,,장지호,1979-07-07,010-0000-0007,1,,person,,,
S-1,superficies,중화동 1-10,,,주식회사 한빛,,,1,,corporation,,,
L-11,land,중화동 1-11,300,,한예준,1983-02-02,010-0000-0008,1/2,Y,person,,,
L-11,land,중화동 1-11,300,,오민서,1960-04-04,,1/2,,person,,unlocatable,
""" + "\n";

    /// <summary>2026-07-01 in Korea.</summary>
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(9)));

    public static RollParseResult Parse(string csv) => RollParser.Parse(Encoding.UTF8.GetBytes(csv), Clock);

    public static RollParseResult Parse(byte[] csv) => RollParser.Parse(csv, Clock);

    /// <summary>The English header, then the rows.</summary>
    public static RollParseResult ParseRows(params CsvRow[] rows) => Parse(WithHeader(rows));

    public static string WithHeader(params CsvRow[] rows) =>
        Header + "\n" + string.Concat(rows.Select(r => r.ToCsv() + "\n"));

    public static Roll Accepted(RollParseResult result)
    {
        Assert.True(result.Accepted, "Expected the roll to be accepted, but: " +
            string.Join("; ", result.Errors.Select(e => $"line {e.Line} {e.Column}: {e.Reason}")));
        return result.Roll;
    }

    public static Roll Accepted(string csv) => Accepted(Parse(csv));

    public static RollError SingleError(RollParseResult result)
    {
        Assert.False(result.Accepted, "Expected the roll to be rejected.");
        Assert.Null(result.Roll);
        return Assert.Single(result.Errors);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
