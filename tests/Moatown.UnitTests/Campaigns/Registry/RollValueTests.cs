using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

/// <summary>One value wrong on one row: each is reported at its line and column.</summary>
public sealed class RollValueTests
{
    private static RollError ErrorIn(CsvRow row) =>
        RollCsv.SingleError(RollCsv.ParseRows(row));

    private static RollRow Accepted(CsvRow row) =>
        Assert.Single(RollCsv.Accepted(RollCsv.ParseRows(row)).Rows);

    public static TheoryData<string, string> RequiredValues => new()
    {
        { "property_id", "Missing property id: every row needs one." },
        { "property_kind", "Missing property kind: every row needs one." },
        { "lot_number", "Missing lot number: every row needs one." },
        { "owner_name", "Missing owner name: every row needs one." },
        { "share", "Missing share: every row needs one." },
        { "owner_type", "Missing owner type: every row needs one." },
    };

    [Theory]
    [MemberData(nameof(RequiredValues))]
    public void A_missing_required_value_is_an_error(string column, string reason)
    {
        var row = column switch
        {
            "property_id" => CsvRow.Land() with { PropertyId = " " },
            "property_kind" => CsvRow.Land() with { PropertyKind = "" },
            "lot_number" => CsvRow.Land() with { LotNumber = "" },
            "owner_name" => CsvRow.Land() with { OwnerName = "" },
            "share" => CsvRow.Land() with { Share = "" },
            _ => CsvRow.Land() with { OwnerType = "", BirthDate = "" },
        };

        Assert.Equal(new RollError(2, column, reason), ErrorIn(row));
    }

    [Theory]
    [InlineData("land", PropertyKind.Land)]
    [InlineData("Land", PropertyKind.Land)]
    [InlineData("토지", PropertyKind.Land)]
    [InlineData("건축물", PropertyKind.Building)]
    [InlineData("building", PropertyKind.Building)]
    public void Property_kinds_are_read_in_English_or_Korean(string text, PropertyKind kind)
    {
        var row = kind == PropertyKind.Land ? CsvRow.Land() : CsvRow.Building();

        Assert.Equal(kind, Accepted(row with { PropertyKind = text }).PropertyKind);
    }

    [Fact]
    public void Superficies_is_read_in_Korean()
    {
        var roll = RollCsv.Accepted(RollCsv.ParseRows(CsvRow.Land(), CsvRow.Superficies() with { PropertyKind = "지상권" }));

        Assert.Equal(PropertyKind.Superficies, roll.Rows[1].PropertyKind);
    }

    [Fact]
    public void An_unknown_property_kind_is_an_error()
    {
        Assert.Equal(
            new RollError(2, "property_kind", "Unknown property kind \"apartment\": use land (토지), building (건축물) or superficies (지상권)."),
            ErrorIn(CsvRow.Land() with { PropertyKind = "apartment" }));
    }

    [Theory]
    [InlineData("person", OwnerType.Person)]
    [InlineData("개인", OwnerType.Person)]
    [InlineData("corporation", OwnerType.Corporation)]
    [InlineData("법인", OwnerType.Corporation)]
    [InlineData("public", OwnerType.Public)]
    [InlineData("국공유", OwnerType.Public)]
    public void Owner_types_are_read_in_English_or_Korean(string text, OwnerType type)
    {
        var row = type switch
        {
            OwnerType.Person => CsvRow.Land(),
            OwnerType.Corporation => CsvRow.Land() with { BirthDate = "" },
            _ => CsvRow.PublicLand(),
        };

        Assert.Equal(type, Accepted(row with { OwnerType = text }).OwnerType);
    }

    [Fact]
    public void An_unknown_owner_type_is_an_error()
    {
        Assert.Equal(
            new RollError(2, "owner_type", "Unknown owner type \"company\": use person (개인), corporation (법인) or public (국공유)."),
            ErrorIn(CsvRow.Land() with { OwnerType = "company", BirthDate = "" }));
    }

    [Theory]
    [InlineData("", HolderStatus.Normal)]
    [InlineData("normal", HolderStatus.Normal)]
    [InlineData("정상", HolderStatus.Normal)]
    [InlineData("unlocatable", HolderStatus.Unlocatable)]
    [InlineData("소재불명", HolderStatus.Unlocatable)]
    public void Statuses_are_read_with_normal_as_the_default(string text, HolderStatus status)
    {
        Assert.Equal(status, Accepted(CsvRow.Land() with { Status = text }).Status);
    }

    [Fact]
    public void An_unknown_status_is_an_error()
    {
        var error = ErrorIn(CsvRow.Land() with { Status = "deceased" });

        Assert.Equal((2, "status"), (error.Line, error.Column));
        Assert.StartsWith("Unknown status \"deceased\"", error.Reason);
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("예", true)]
    [InlineData("", false)]
    [InlineData("N", false)]
    [InlineData("아니요", false)]
    public void The_representative_mark_is_Y_or_empty(string text, bool isRepresentative)
    {
        Assert.Equal(isRepresentative, Accepted(CsvRow.Land() with { Representative = text }).IsRepresentative);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("true")]
    [InlineData("O")]
    public void Any_other_representative_mark_is_an_error(string text)
    {
        var error = ErrorIn(CsvRow.Land() with { Representative = text });

        Assert.Equal((2, "representative"), (error.Line, error.Column));
        Assert.Equal($"\"{text}\" is not a representative mark: write Y for the representative and leave it empty for the others.", error.Reason);
    }

    [Theory]
    [InlineData("1980/01/01")]
    [InlineData("19800101")]
    [InlineData("1980-1-1")]
    [InlineData("2023-02-29")]
    [InlineData("1980-13-01")]
    public void A_birth_date_that_is_not_a_real_YYYY_MM_DD_date_is_an_error(string text)
    {
        Assert.Equal(
            new RollError(2, "birth_date", $"\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 1980-01-31, and check the day exists."),
            ErrorIn(CsvRow.Land() with { BirthDate = text }));
    }

    [Fact]
    public void A_birth_date_in_the_future_is_an_error_but_today_is_not()
    {
        Assert.Equal(new DateOnly(2026, 7, 1), Accepted(CsvRow.Land() with { BirthDate = "2026-07-01" }).BirthDate);
        Assert.Equal(
            new RollError(2, "birth_date", "The birth date 2026-07-02 is in the future."),
            ErrorIn(CsvRow.Land() with { BirthDate = "2026-07-02" }));
    }

    [Fact]
    public void A_person_without_a_birth_date_is_an_error()
    {
        Assert.Equal(
            new RollError(2, "birth_date", "Missing birth date: persons need one, as YYYY-MM-DD."),
            ErrorIn(CsvRow.Land() with { BirthDate = "" }));
    }

    [Theory]
    [InlineData("corporation", "")]
    [InlineData("public", "중랑구")]
    public void A_birth_date_on_a_corporation_or_public_owner_is_an_error(string type, string authority)
    {
        var error = ErrorIn(CsvRow.Land() with { OwnerType = type, ManagingAuthority = authority });

        Assert.Equal((2, "birth_date"), (error.Line, error.Column));
        Assert.Equal($"Only persons have a birth date; leave it empty for a {type} owner, or check the owner type.", error.Reason);
    }

    [Fact]
    public void A_public_owner_without_a_managing_authority_is_an_error()
    {
        Assert.Equal(
            new RollError(2, "managing_authority", "Missing managing authority: public owners need one, e.g. 중랑구 or 국토교통부."),
            ErrorIn(CsvRow.PublicLand() with { ManagingAuthority = "" }));
    }

    [Fact]
    public void A_managing_authority_on_a_person_is_an_error()
    {
        var error = ErrorIn(CsvRow.Land() with { ManagingAuthority = "중랑구" });

        Assert.Equal((2, "managing_authority"), (error.Line, error.Column));
        Assert.StartsWith("Only public owners have a managing authority", error.Reason);
    }

    [Theory]
    [InlineData("250", "250")]
    [InlineData("250.50", "250.50")]
    [InlineData("0.1", "0.1")]
    public void The_land_area_is_an_exact_decimal(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Accepted(CsvRow.Land() with { LandAreaM2 = text }).LandAreaM2);
    }

    [Theory]
    [InlineData("0", "The land area must be more than 0 m².")]
    [InlineData("0.00", "The land area must be more than 0 m².")]
    [InlineData("-5", "\"-5\" is not an area: write the number of m² only, like 250 or 250.5 (no units or thousands separators).")]
    [InlineData("1,250", "\"1,250\" is not an area: write the number of m² only, like 250 or 250.5 (no units or thousands separators).")]
    [InlineData("250㎡", "\"250㎡\" is not an area: write the number of m² only, like 250 or 250.5 (no units or thousands separators).")]
    [InlineData("1e3", "\"1e3\" is not an area: write the number of m² only, like 250 or 250.5 (no units or thousands separators).")]
    public void A_land_area_that_is_not_a_positive_number_is_an_error(string text, string reason)
    {
        Assert.Equal(new RollError(2, "land_area_m2", reason), ErrorIn(CsvRow.Land() with { LandAreaM2 = text }));
    }

    [Fact]
    public void A_land_row_without_an_area_is_an_error()
    {
        Assert.Equal(
            new RollError(2, "land_area_m2", "Missing land area: land rows need the parcel's whole area in m²."),
            ErrorIn(CsvRow.Land() with { LandAreaM2 = "" }));
    }

    [Fact]
    public void An_area_on_a_building_row_is_an_error()
    {
        Assert.Equal(
            new RollError(2, "land_area_m2", "Only land rows have an area; leave it empty on a building row."),
            ErrorIn(CsvRow.Building() with { LandAreaM2 = "80" }));
    }

    [Fact]
    public void Names_are_trimmed_and_inner_spaces_collapsed()
    {
        var row = Accepted(CsvRow.Land() with { OwnerName = "  주식회사 \t 한빛\u3000건설  ", BirthDate = "", OwnerType = "corporation" });

        Assert.Equal("주식회사 한빛 건설", row.OwnerName);
        Assert.Equal(new HolderKey("corporation:주식회사 한빛 건설"), row.Holder);
    }

    [Fact]
    public void Decomposed_Hangul_is_read_as_the_usual_composed_form()
    {
        var decomposed = "김민준".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("김민준", Accepted(CsvRow.Land() with { OwnerName = decomposed }).OwnerName);
    }

    [Fact]
    public void Lot_numbers_and_owner_ids_are_trimmed()
    {
        var row = Accepted(CsvRow.Land() with { LotNumber = " 중화동  1-1 ", OwnerId = " P-7 " });

        Assert.Equal("중화동 1-1", row.LotNumber);
        Assert.Equal("P-7", row.OwnerId);
        Assert.Equal(new HolderKey("id:P-7"), row.Holder);
    }
}
