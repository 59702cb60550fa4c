using System.Text;
using Moatown.Campaigns.Apis;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Model;

namespace Moatown.UnitTests.Campaigns;

public sealed class CampaignRequestValidationTests
{
    private static readonly CampaignRequest Valid = new("면목동 모아타운 1구역", "중랑구", "면목동 모아타운", null);

    [Theory]
    [InlineData("0.6")]
    [InlineData("1")]
    [InlineData("0.000001")]
    [InlineData("0.6000000")] // trailing zeros beyond six decimals do not change the value
    public void A_threshold_above_0_up_to_1_with_six_decimals_is_accepted(string threshold)
    {
        var settings = Validate(Valid with { Counting = new CountingRequest(OwnerThreshold: decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture)) });

        Assert.Equal(decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture), settings.Counting.OwnerThreshold);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.000001")]
    [InlineData("0.0000001")]
    [InlineData("0.6666667")]
    public void A_threshold_outside_the_range_or_too_precise_names_its_field(string threshold)
    {
        var errors = Errors(Valid with { Counting = new CountingRequest(LandAreaThreshold: decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture)) });

        Assert.Equal(["counting.landAreaThreshold"], errors.Keys);
    }

    [Fact]
    public void Omitted_counting_fields_keep_the_current_values()
    {
        var current = CampaignCounting.Default with { OwnerThreshold = 0.75m, ExcludePublicLandFromArea = true };

        Assert.True(CampaignRequestValidation.TryValidate(
            Valid with { Counting = new CountingRequest(GroupRule: "all-holders") }, current, ConsentFormSettings.Empty, out var settings, out _));

        Assert.Equal(current with { GroupRule = GroupConsentRule.AllHolders }, settings.Counting);
    }

    [Fact]
    public void Omitted_counting_and_form_are_unchanged()
    {
        var form = new ConsentFormSettings("동의서", "본문", ["항목"]);

        Assert.True(CampaignRequestValidation.TryValidate(Valid, CampaignCounting.Default, form, out var settings, out _));

        Assert.Same(CampaignCounting.Default, settings.Counting);
        Assert.Same(form, settings.ConsentForm);
    }

    [Theory]
    [InlineData("majority-of-shares", GroupConsentRule.MajorityOfShares)]
    [InlineData("all-holders", GroupConsentRule.AllHolders)]
    public void Group_rules_are_named_in_kebab_case(string name, GroupConsentRule rule)
    {
        Assert.Equal(rule, Validate(Valid with { Counting = new CountingRequest(GroupRule: name) }).Counting.GroupRule);
        Assert.Equal(name, WireNames.Of(rule));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var errors = Errors(new CampaignRequest(" ", null, "구역", null,
            new CountingRequest(RuleSet: "decree-33-2019", OwnerThreshold: 2m, GroupRule: "AllHolders"),
            new ConsentFormRequest(Title: new string('가', 201), StatutoryItems: ["항목", null, new string('가', 501)])));

        Assert.Equal(
            ["consentForm.statutoryItems[1]", "consentForm.statutoryItems[2]", "consentForm.title", "counting.groupRule", "counting.ownerThreshold", "counting.ruleSet", "district", "name"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Too_many_statutory_items_are_refused_as_a_whole()
    {
        var errors = Errors(Valid with { ConsentForm = new ConsentFormRequest(StatutoryItems: [.. Enumerable.Repeat("항목", 21)]) });

        Assert.Equal(["consentForm.statutoryItems"], errors.Keys);
    }

    [Fact]
    public void Text_is_trimmed_and_the_district_composed()
    {
        var decomposed = "중랑구".Normalize(NormalizationForm.FormD);

        var settings = Validate(new CampaignRequest("  이름  ", $" {decomposed} ", " 구역 ", "  ",
            ConsentForm: new ConsentFormRequest(" 제목 ", " 본문 ", [" 항목 "])));

        Assert.Equal("이름", settings.Name);
        Assert.Equal(new CampaignArea("구역", "중랑구", null), settings.Area);
        Assert.Equal("제목", settings.ConsentForm.Title);
        Assert.Equal(["항목"], settings.ConsentForm.StatutoryItems);
    }

    private static CampaignSettings Validate(CampaignRequest request)
    {
        Assert.True(CampaignRequestValidation.TryValidate(request, CampaignCounting.Default, ConsentFormSettings.Empty, out var settings, out var errors),
            string.Join("; ", errors.Keys));
        return settings;
    }

    private static Dictionary<string, string[]> Errors(CampaignRequest request)
    {
        Assert.False(CampaignRequestValidation.TryValidate(request, CampaignCounting.Default, ConsentFormSettings.Empty, out _, out var errors));
        return errors;
    }
}
