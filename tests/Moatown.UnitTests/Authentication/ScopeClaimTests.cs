using System.Security.Claims;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.UnitTests.Authentication;

public sealed class ScopeClaimTests
{
    [Theory]
    [InlineData("campaigns", true)]
    [InlineData("identity campaigns", true)]
    [InlineData("campaigns-extra", false)]
    [InlineData("signing documents", false)]
    [InlineData("", false)]
    public void A_space_separated_scope_claim_is_read_word_by_word(string scopeClaim, bool expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", scopeClaim)], "test"));

        Assert.Equal(expected, user.HasScope(Scopes.Campaigns));
    }

    [Fact]
    public void Scopes_as_separate_claims_are_read_too()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("scope", "identity"), new Claim("scope", "campaigns")], "test"));

        Assert.True(user.HasScope(Scopes.Campaigns));
        Assert.False(user.HasScope(Scopes.Signing));
    }

    [Fact]
    public void Each_scope_has_its_own_audience()
    {
        var audiences = Scopes.All.Select(Scopes.AudienceOf).ToList();

        Assert.Equal(audiences.Count, audiences.Distinct().Count());
        Assert.Equal("moatown-campaigns", Scopes.AudienceOf(Scopes.Campaigns));
    }
}
