using System.Diagnostics.CodeAnalysis;
using System.Text;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Checks a create or update request as a whole and names every bad field by its JSON path
/// (e.g. "counting.ownerThreshold"), so a form can mark them all at once.
/// </summary>
internal static class CampaignRequestValidation
{
    public const int MaxDistrictLength = 50;
    public const int MaxAreaNameLength = 200;
    public const int MaxAddressLength = 300;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxStatutoryItems = 20;
    public const int MaxStatutoryItemLength = 500;
    /// <summary>The database stores thresholds with six decimals; more would be rounded silently.</summary>
    public const int MaxThresholdDecimals = 6;

    /// <param name="counting">What an omitted counting field keeps: the campaign's current rules, or the default on create.</param>
    /// <param name="consentForm">What an omitted form field keeps.</param>
    public static bool TryValidate(
        CampaignRequest request,
        CampaignCounting counting,
        ConsentFormSettings consentForm,
        [NotNullWhen(true)] out CampaignSettings? settings,
        out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Campaign.MaxNameLength)
        {
            errors["name"] = [$"A campaign needs a name of 1 to {Campaign.MaxNameLength} characters."];
        }
        // District officers are matched to campaigns by this exact text, so it is kept in one Unicode form.
        var district = request.District?.Trim().Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(district) || district.Length > MaxDistrictLength)
        {
            errors["district"] = ["Name the district (구) of the area, e.g. 중랑구."];
        }
        var areaName = request.AreaName?.Trim();
        if (string.IsNullOrEmpty(areaName) || areaName.Length > MaxAreaNameLength)
        {
            errors["areaName"] = [$"Name the area, e.g. 중화동 모아타운 (1 to {MaxAreaNameLength} characters)."];
        }
        var address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        if (address?.Length > MaxAddressLength)
        {
            errors["address"] = [$"An address may have at most {MaxAddressLength} characters."];
        }

        var newCounting = request.Counting is null ? counting : Counting(request.Counting, counting, errors);
        var newForm = request.ConsentForm is null ? consentForm : ConsentForm(request.ConsentForm, consentForm, errors);

        settings = errors.Count == 0
            ? new CampaignSettings(name!, new CampaignArea(areaName!, district!, address), newCounting, newForm)
            : null;
        return settings is not null;
    }

    private static CampaignCounting Counting(CountingRequest request, CampaignCounting current, Dictionary<string, string[]> errors)
    {
        var ruleSet = request.RuleSet ?? current.RuleSet;
        if (!CampaignCounting.KnownRuleSets.Contains(ruleSet))
        {
            errors["counting.ruleSet"] = [$"Unknown rule set; known: {string.Join(", ", CampaignCounting.KnownRuleSets.Order(StringComparer.Ordinal))}."];
        }
        var ownerThreshold = request.OwnerThreshold ?? current.OwnerThreshold;
        if (ThresholdError(ownerThreshold) is { } ownerError)
        {
            errors["counting.ownerThreshold"] = [ownerError];
        }
        var landAreaThreshold = request.LandAreaThreshold ?? current.LandAreaThreshold;
        if (ThresholdError(landAreaThreshold) is { } landError)
        {
            errors["counting.landAreaThreshold"] = [landError];
        }
        var groupRule = current.GroupRule;
        if (request.GroupRule is not null && !WireNames.TryParseGroupRule(request.GroupRule, out groupRule))
        {
            errors["counting.groupRule"] = [$"Unknown group rule; use one of: {string.Join(", ", WireNames.GroupRules)}."];
        }
        return new CampaignCounting(ruleSet, ownerThreshold, landAreaThreshold, groupRule,
            request.ExcludePublicLandFromArea ?? current.ExcludePublicLandFromArea);
    }

    private static string? ThresholdError(decimal threshold)
    {
        if (threshold <= 0m || threshold > 1m)
        {
            return "A threshold is a fraction above 0 and at most 1, e.g. 0.6.";
        }
        // Compared by value, so 0.6000000 (trailing zeros) is as good as 0.6.
        return decimal.Round(threshold, MaxThresholdDecimals) != threshold
            ? $"A threshold may have at most {MaxThresholdDecimals} decimals."
            : null;
    }

    private static ConsentFormSettings ConsentForm(ConsentFormRequest request, ConsentFormSettings current, Dictionary<string, string[]> errors)
    {
        // Empty title, body or items are allowed while drafting; a campaign opens only with a complete form.
        var title = request.Title?.Trim() ?? current.Title;
        if (title.Length > MaxTitleLength)
        {
            errors["consentForm.title"] = [$"A title may have at most {MaxTitleLength} characters."];
        }
        var body = request.Body?.Trim() ?? current.Body;
        if (body.Length > MaxBodyLength)
        {
            errors["consentForm.body"] = [$"A body may have at most {MaxBodyLength} characters."];
        }

        if (request.StatutoryItems is null)
        {
            return new ConsentFormSettings(title, body, current.StatutoryItems);
        }
        if (request.StatutoryItems.Count > MaxStatutoryItems)
        {
            errors["consentForm.statutoryItems"] = [$"A form may have at most {MaxStatutoryItems} statutory items."];
            return current;
        }
        var items = new List<string>(request.StatutoryItems.Count);
        for (var i = 0; i < request.StatutoryItems.Count; i++)
        {
            var item = request.StatutoryItems[i]?.Trim();
            if (string.IsNullOrEmpty(item) || item.Length > MaxStatutoryItemLength)
            {
                errors[$"consentForm.statutoryItems[{i}]"] = [$"A statutory item needs 1 to {MaxStatutoryItemLength} characters."];
                continue;
            }
            items.Add(item);
        }
        return new ConsentFormSettings(title, body, items);
    }
}

/// <summary>A request that passed validation: what a campaign's editable settings become.</summary>
internal sealed record CampaignSettings(string Name, CampaignArea Area, CampaignCounting Counting, ConsentFormSettings ConsentForm)
{
    public void ApplyTo(Campaign campaign)
    {
        campaign.Name = Name;
        campaign.Area = Area;
        campaign.Counting = Counting;
        campaign.ConsentForm = ConsentForm;
    }
}
