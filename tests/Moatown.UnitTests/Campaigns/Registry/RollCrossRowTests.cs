using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

/// <summary>Rules that compare rows with each other.</summary>
public sealed class RollCrossRowTests
{
    private static readonly CsvRow Kim = CsvRow.Land().Holder("김민준", "1980-01-01", "1/2") with { Representative = "Y" };
    private static readonly CsvRow Lee = CsvRow.Land().Holder("이서연", "1975-05-05", "1/2");

    [Fact]
    public void Shares_of_a_property_must_sum_to_one()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { Share = "1/3" }));

        Assert.Equal(new RollError(2, "share", "The shares of property L-1 add up to 5/6, not 1 (on lines 2, 3)."), error);
    }

    [Fact]
    public void Shares_over_one_in_total_are_an_error_too()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee, Lee.Holder("박지훈", "1972-03-03", "0.1")));

        Assert.Equal("The shares of property L-1 add up to 11/10, not 1 (on lines 2, 3, 4).", error.Reason);
    }

    [Fact]
    public void A_property_has_at_most_one_representative()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { Representative = "Y" }));

        Assert.Equal(new RollError(3, "representative", "Property L-1 already has a representative on line 2; a property has at most one."), error);
    }

    [Fact]
    public void Every_row_of_a_property_has_the_same_kind()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { PropertyKind = "building", LandAreaM2 = "" }));

        Assert.Equal(new RollError(3, "property_kind", "Property L-1 is land on line 2, but building here; every row of a property must have the same kind."), error);
    }

    [Fact]
    public void Every_row_of_a_property_has_the_same_lot_number()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { LotNumber = "중화동 1-2" }));

        Assert.Equal(new RollError(3, "lot_number",
            "Property L-1 is on lot \"중화동 1-1\" on line 2, but on \"중화동 1-2\" here; every row of a property must have the same lot number."), error);
    }

    [Fact]
    public void Every_row_of_a_parcel_has_the_same_area()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { LandAreaM2 = "50" }));

        Assert.Equal(new RollError(3, "land_area_m2",
            "Property L-1 has 100 m² on line 2, but 50 m² here; every row of a parcel must give its whole area."), error);
    }

    [Fact]
    public void The_same_area_may_be_written_differently()
    {
        Assert.True(RollCsv.ParseRows(Kim, Lee with { LandAreaM2 = "100.0" }).Accepted);
    }

    [Fact]
    public void A_lot_is_one_land_property()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(CsvRow.Land("L-1"), CsvRow.Land("L-2")));

        Assert.Equal(new RollError(3, "lot_number", "Lot 중화동 1-1 is already land property L-1 (line 2); one parcel must be one property."), error);
    }

    [Fact]
    public void A_superficies_needs_a_land_row_for_its_lot()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(CsvRow.Land(), CsvRow.Superficies(lot: "중화동 9-9")));

        Assert.Equal(new RollError(3, "lot_number", "Superficies S-1 is on lot 중화동 9-9, but the roll has no land row for that lot."), error);
    }

    [Fact]
    public void A_superficies_before_its_land_row_is_fine()
    {
        Assert.True(RollCsv.ParseRows(CsvRow.Superficies(lot: "중화동 1-1"), CsvRow.Land(lot: "중화동 1-1")).Accepted);
    }

    [Fact]
    public void A_building_may_stand_on_a_lot_outside_the_roll()
    {
        Assert.True(RollCsv.ParseRows(CsvRow.Building(lot: "중화동 9-9")).Accepted);
    }

    [Fact]
    public void The_same_holder_twice_on_a_property_is_a_duplicate()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { Share = "1/4" }, Lee with { Share = "1/4", Phone = "010-1111-2222" }));

        Assert.Equal(4, error.Line);
        Assert.Null(error.Column);
        Assert.Contains("repeats the holder of property L-1 on line 3", error.Reason);
    }

    [Fact]
    public void The_same_owner_id_twice_on_a_property_is_a_duplicate_even_with_another_spelling()
    {
        var result = RollCsv.ParseRows(
            Kim with { OwnerId = "P-1", Share = "1" },
            Kim with { OwnerId = "P-1", OwnerName = "김 민준", Share = "1", Representative = "" });

        Assert.Contains(result.Errors, e => e.Line == 3 && e.Column is null && e.Reason.Contains("repeats the holder"));
    }

    [Fact]
    public void One_person_may_hold_several_properties()
    {
        var roll = RollCsv.Accepted(RollCsv.ParseRows(CsvRow.Land("L-1", "중화동 1-1"), CsvRow.Land("L-2", "중화동 1-2"), CsvRow.Building("B-1")));

        Assert.Single(roll.Rows.Select(r => r.Holder).Distinct());
    }

    [Fact]
    public void An_owner_id_always_names_the_same_owner()
    {
        var result = RollCsv.ParseRows(
            CsvRow.Land("L-1", "중화동 1-1") with { OwnerId = "P-7" },
            CsvRow.Land("L-2", "중화동 1-2") with { OwnerId = "P-7", OwnerName = "김민수", BirthDate = "1981-01-01" });

        Assert.Equal(
            [
                new RollError(3, "owner_name", "owner_id P-7 is \"김민준\" on line 2, but \"김민수\" here; one owner_id must always be the same owner."),
                new RollError(3, "birth_date", "owner_id P-7 was born 1980-01-01 on line 2, but 1981-01-01 here; one owner_id must always be the same owner."),
            ],
            result.Errors);
    }

    [Fact]
    public void An_owner_id_is_one_kind_of_owner()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(
            CsvRow.Land("L-1", "중화동 1-1") with { OwnerId = "C-1", OwnerName = "한빛", BirthDate = "", OwnerType = "corporation" },
            CsvRow.Land("L-2", "중화동 1-2") with { OwnerId = "C-1", OwnerName = "한빛" }));

        Assert.Equal(new RollError(3, "owner_type", "owner_id C-1 is a corporation owner on line 2, but a person owner here; one owner_id must always be the same owner."), error);
    }

    [Fact]
    public void Several_holders_without_a_representative_is_a_warning_not_an_error()
    {
        var roll = RollCsv.Accepted(RollCsv.ParseRows(Kim with { Representative = "" }, Lee));

        var warning = Assert.Single(roll.Warnings);
        Assert.Equal(new RollWarning(2, "representative",
            "Property L-1 has 2 holders and none is marked Y as representative; the group will consent only when holders of more than half of the shares do."), warning);
    }

    [Fact]
    public void A_person_with_an_owner_id_on_one_row_and_none_on_another_is_a_warning()
    {
        var roll = RollCsv.Accepted(RollCsv.ParseRows(
            CsvRow.Land("L-1", "중화동 1-1") with { OwnerId = "P-7" },
            CsvRow.Land("L-2", "중화동 1-2")));

        var warning = Assert.Single(roll.Warnings);
        Assert.Equal((3, "owner_id"), (warning.Line, warning.Column));
        Assert.StartsWith("김민준 (1980-01-01) has owner_id P-7 on line 2 but none here, so they count as two different owners", warning.Reason);
    }

    [Fact]
    public void A_bad_value_does_not_cause_a_second_error_about_the_shares()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(Kim, Lee with { Share = "half" }));

        Assert.Equal((3, "share"), (error.Line, error.Column));
    }

    [Fact]
    public void All_errors_are_listed_together_in_line_order()
    {
        var result = RollCsv.ParseRows(
            CsvRow.Land("L-1", "중화동 1-1") with { Phone = "02-123-4567" },
            CsvRow.Land("L-2", "중화동 1-2") with { PropertyKind = "apartment" },
            CsvRow.Land("L-3", "중화동 1-3").Holder("김민준", "1980-01-01", "1/2"),
            CsvRow.Land("L-3", "중화동 1-3").Holder("이서연", "1975-05-05", "1/3"));

        Assert.False(result.Accepted);
        Assert.Null(result.Roll);
        Assert.Equal(
            [(2, "phone"), (3, "property_kind"), (4, "share")],
            result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Errors_on_one_line_are_listed_in_column_order()
    {
        var result = RollCsv.ParseRows(new CsvRow
        {
            PropertyKind = "apartment", OwnerType = "company", Phone = "02-123-4567", Share = "2", BirthDate = "someday",
        });

        Assert.Equal(["property_kind", "birth_date", "phone", "share", "owner_type"], result.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Errors_from_rows_and_from_the_header_are_listed_together()
    {
        var csv = RollCsv.Header + ",nickname\n"
            + CsvRow.Land().ToCsv() + ",\n"
            + (CsvRow.Land("L-2", "중화동 1-2") with { BirthDate = "1980-02-30" }).ToCsv() + ",\n";

        var result = RollCsv.Parse(csv);

        Assert.Equal([(1, "nickname"), (3, "birth_date")], result.Errors.Select(e => (e.Line, e.Column)));
    }
}
