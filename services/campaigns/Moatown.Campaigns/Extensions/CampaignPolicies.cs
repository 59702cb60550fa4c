namespace Moatown.Campaigns.Extensions;

internal static class CampaignPolicies
{
    /// <summary>Create and change campaigns, their rolls and their paper ledger entries: organizers (their own) and provider admins (all).</summary>
    public const string Manage = "campaigns:manage";

    /// <summary>Read campaigns, rolls, tallies and ledgers: organizers (their own), district officers (their district's) and provider admins (all).</summary>
    public const string Read = "campaigns:read";

    /// <summary>The notifications service, fetching what a text message needs at the moment it sends it.</summary>
    public const string InvitationDelivery = "campaigns:invitation-delivery";

    /// <summary>The identity service, finding out whom a personal link names when a resident opens it.</summary>
    public const string InvitationResolution = "campaigns:invitation-resolution";

    /// <summary>The identity service, finding the holder a resident who identified themself is.</summary>
    public const string ResidentIdentification = "campaigns:resident-identification";

    /// <summary>The notifications service, fetching the number a verification code goes to.</summary>
    public const string ResidentContact = "campaigns:resident-contact";

    /// <summary>The documents service, rendering one owner's consent form.</summary>
    public const string ConsentFormRendering = "campaigns:consent-form-rendering";

    /// <summary>The documents service, copying the tally and its explanation into a campaign's submission package.</summary>
    public const string TallyExplanation = "campaigns:tally-explanation";

    /// <summary>City systems (their district's public events) and provider admins (all): backfill.</summary>
    public const string PublicEvents = "campaigns:public-events";

    /// <summary>Provider admins: subscribers' broker access and dead letters.</summary>
    public const string BrokerAdministration = "campaigns:broker-administration";
}
