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
    public void Every_contract_lives_in_a_namespace_because_MassTransit_needs_one()
    {
        Assert.NotEmpty(EventTypes.All);
        Assert.All(EventTypes.All, type => Assert.StartsWith("Moatown.Contracts.", type.FullName));
    }
}
