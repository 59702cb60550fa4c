using Moatown.Contracts;
using Moatown.Contracts.Campaigns;

namespace Moatown.UnitTests.Messaging;

public sealed class EventTypesTests
{
    [Fact]
    public void A_contract_type_round_trips_through_its_stored_name()
    {
        var name = EventTypes.NameOf(typeof(CampaignCreated));

        Assert.Equal(typeof(CampaignCreated), EventTypes.Resolve(name));
    }

    [Theory]
    [InlineData("System.Diagnostics.Process")]
    [InlineData("Moatown.Contracts.EventTypes")]
    [InlineData("")]
    public void A_name_outside_the_contracts_is_refused(string name)
    {
        // A tampered outbox row must not be able to make the relay instantiate arbitrary types.
        Assert.Throws<InvalidOperationException>(() => EventTypes.Resolve(name));
    }

    [Fact]
    public void Every_public_contract_can_be_relayed()
    {
        // A contract placed in the root namespace (or none: MassTransit needs one) would be
        // written to outboxes but refused by the relay, stranding its events.
        // Static classes (the public events' names and district codes) are helpers beside the contracts, not messages.
        var contracts = typeof(EventTypes).Assembly.GetExportedTypes().Where(t => t != typeof(EventTypes) && !(t.IsAbstract && t.IsSealed));

        Assert.All(contracts, type => Assert.Same(type, EventTypes.Resolve(EventTypes.NameOf(type))));
    }
}
