namespace Moatown.Campaigns.Extensions;

internal static class CampaignPolicies
{
    /// <summary>
    /// Create and change campaigns, their rolls, invitations and paper ledger entries: organizers, their own
    /// campaigns only. Not provider admins: a count an insider could quietly change is what this prevents.
    /// </summary>
    public const string Manage = "campaigns:manage";

    /// <summary>Read campaigns, roll versions, tallies, invitations and ledgers (no names): organizers (their own), district officers (their district's) and provider admins (all).</summary>
    public const string Read = "campaigns:read";

    /// <summary>Read the people of a roll, masked (holders, owners): organizers (their own) and district officers (their district's); never provider admins.</summary>
    public const string ReadPeople = "campaigns:read-people";

    /// <summary>One holder's personal data in full, with a stated purpose, audited: the campaign's organizer only.</summary>
    public const string ViewPersonalData = "campaigns:view-personal-data";

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
