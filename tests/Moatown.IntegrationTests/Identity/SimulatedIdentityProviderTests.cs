using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Moatown.Identity.Residents.Providers;

namespace Moatown.IntegrationTests.Identity;

/// <summary>One simulated provider and one identity-side registration for the tests of a class.</summary>
public sealed class SimulatedProviderFixture : IAsyncLifetime
{
    public SimulatedProviderHost Provider { get; private set; } = null!;
    public IHost Identity { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Provider = SimulatedProviderHost.Start();
        Identity = IdentitySide.Build(IdentitySide.SimulatedSettings(Provider.Url));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Identity.Dispose();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// Identity's authorization-code client against the simulated certificate provider over real HTTP: the
/// resident's redirect and confirmation, the code exchange, and every refusal a real provider makes.
/// </summary>
public sealed class SimulatedIdentityProviderTests(SimulatedProviderFixture fixture) : IClassFixture<SimulatedProviderFixture>, IDisposable
{
    private readonly Resident _resident = new();
    private IIdentityProvider Provider => fixture.Identity.Simulated();

    [Fact]
    public async Task A_resident_who_confirms_on_the_page_is_sent_back_with_a_code_that_redeems_to_the_verified_person()
    {
        var (state, nonce) = (NewValue(), NewValue());
        var authorization = Provider.BuildAuthorizationUri(state, nonce, SimulatedProviderHost.RedirectUri);
        Assert.StartsWith(new Uri(fixture.Provider.Url, "/authorize").AbsoluteUri, authorization.AbsoluteUri, StringComparison.Ordinal);

        // Typed with spaces around it and in decomposed jamo (NFD), as some keyboards and providers send Hangul.
        var typed = "  " + "김영희".Normalize(NormalizationForm.FormD) + " ";
        var (code, returnedState) = await _resident.VerifyAsync(authorization, typed, "1950-03-01");
        Assert.Equal(state, returnedState);

        var person = await Provider.RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None);
        Assert.Equal("김영희", person.Name);
        Assert.True(person.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(new DateOnly(1950, 3, 1), person.BirthDate);
        Assert.Equal(88, person.ConnectingInformation.Length);
        Assert.Equal(64, Convert.FromBase64String(person.ConnectingInformation).Length);
        Assert.Equal("simulated", Provider.Name);
        Assert.Equal("모의 인증서", Provider.DisplayName);
    }

    [Fact]
    public async Task A_code_is_single_use()
    {
        var nonce = NewValue();
        var (code, _) = await _resident.VerifyAsync(Provider.BuildAuthorizationUri(NewValue(), nonce, SimulatedProviderHost.RedirectUri), "박철수", "1948-11-23");
        await Provider.RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None);

        var again = await Assert.ThrowsAsync<IdentityProviderException>(() =>
            Provider.RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None));
        Assert.Equal(IdentityProviderFailure.CodeRejected, again.Failure);
    }

    [Theory]
    [InlineData("https://attacker.example/callback", SimulatedProviderHost.ClientId)]
    [InlineData("https://moatown.test/api/identity/resident-verifications/provider/callback/extra", SimulatedProviderHost.ClientId)]
    [InlineData("https://moatown.test/api/identity/resident-verifications/provider/callback", "someone-else")]
    public async Task An_unregistered_redirect_address_or_client_gets_an_error_page_and_never_a_redirect(string redirectUri, string clientId)
    {
        var query = $"?response_type=code&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=s&nonce=n";
        using var page = await _resident.OpenAsync(new Uri(fixture.Provider.Url, "/authorize" + query));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains("잘못된 요청", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Posting the form directly with that address is refused the same way: no code goes anywhere.
        using var posted = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }).PostAsync(
            new Uri(fixture.Provider.Url, "/authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["state"] = "s", ["nonce"] = "n",
                ["name"] = "김영희", ["birthdate"] = "1950-03-01", ["carrier"] = "kt", ["phone"] = "01012345678", ["action"] = "confirm",
            }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Null(posted.Headers.Location);
    }

    [Fact]
    public async Task A_code_redeemed_with_another_redirect_address_than_it_was_issued_for_is_refused()
    {
        var nonce = NewValue();
        var (code, _) = await _resident.VerifyAsync(Provider.BuildAuthorizationUri(NewValue(), nonce, SimulatedProviderHost.RedirectUri), "이민준", "1961-07-15");

        var refused = await Assert.ThrowsAsync<IdentityProviderException>(() =>
            Provider.RedeemAsync(code, new Uri("https://attacker.example/callback"), nonce, CancellationToken.None));
        Assert.Equal(IdentityProviderFailure.CodeRejected, refused.Failure);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_as_a_client_fault()
    {
        using var misconfigured = IdentitySide.Build(IdentitySide.SimulatedSettings(fixture.Provider.Url, clientSecret: "not-the-secret"));
        var nonce = NewValue();
        var (code, _) = await _resident.VerifyAsync(
            misconfigured.Simulated().BuildAuthorizationUri(NewValue(), nonce, SimulatedProviderHost.RedirectUri), "최서연", "1955-01-09");

        var refused = await Assert.ThrowsAsync<IdentityProviderException>(() =>
            misconfigured.Simulated().RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None));
        Assert.Equal(IdentityProviderFailure.ClientRejected, refused.Failure);

        // The refusal did not spend the code: the correctly configured client still redeems it.
        var person = await Provider.RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None);
        Assert.Equal("최서연", person.Name);
    }

    [Fact]
    public async Task An_answer_for_another_nonce_is_rejected_by_the_client()
    {
        var (code, _) = await _resident.VerifyAsync(
            Provider.BuildAuthorizationUri(NewValue(), "nonce-of-that-request", SimulatedProviderHost.RedirectUri), "정하늘", "1970-02-28");

        var rejected = await Assert.ThrowsAsync<IdentityProviderException>(() =>
            Provider.RedeemAsync(code, SimulatedProviderHost.RedirectUri, "nonce-of-this-request", CancellationToken.None));
        Assert.Equal(IdentityProviderFailure.NonceMismatch, rejected.Failure);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        await using var provider = SimulatedProviderHost.Start(codeLifetime: TimeSpan.FromMilliseconds(300));
        using var identity = IdentitySide.Build(IdentitySide.SimulatedSettings(provider.Url));
        var nonce = NewValue();
        var (code, _) = await _resident.VerifyAsync(identity.Simulated().BuildAuthorizationUri(NewValue(), nonce, SimulatedProviderHost.RedirectUri), "한지우", "1952-05-05");

        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var refused = await Assert.ThrowsAsync<IdentityProviderException>(() =>
            identity.Simulated().RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None));
        Assert.Equal(IdentityProviderFailure.CodeRejected, refused.Failure);
    }

    [Fact]
    public async Task The_same_person_always_gets_the_same_connecting_information_and_another_person_another()
    {
        var first = await VerifiedAsync("김영희", "1950-03-01");
        var again = await VerifiedAsync("김영희".Normalize(NormalizationForm.FormD), "1950-03-01");
        var namesake = await VerifiedAsync("김영희", "1950-03-02");
        var other = await VerifiedAsync("김영수", "1950-03-01");

        Assert.Equal(first.ConnectingInformation, again.ConnectingInformation);
        Assert.NotEqual(first.ConnectingInformation, namesake.ConnectingInformation);
        Assert.NotEqual(first.ConnectingInformation, other.ConnectingInformation);
        Assert.NotEqual(namesake.ConnectingInformation, other.ConnectingInformation);
    }

    [Fact]
    public async Task A_resident_who_cancels_is_sent_back_with_access_denied_and_the_state()
    {
        var state = NewValue();
        using var answer = await _resident.ConfirmAsync(
            Provider.BuildAuthorizationUri(state, NewValue(), SimulatedProviderHost.RedirectUri), "", "", action: "cancel");

        var callback = Resident.BackTo(answer, SimulatedProviderHost.RedirectUri);
        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal(state, callback["state"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Theory]
    [InlineData("김영희", "1950-13-01", "010-1234-5678")]
    [InlineData("김영희", "01/03/1950", "010-1234-5678")]
    [InlineData("", "1950-03-01", "010-1234-5678")]
    [InlineData("김영희", "1950-03-01", "02-123-4567")]
    public async Task A_form_filled_in_wrongly_is_shown_again_with_what_to_correct_and_issues_no_code(string name, string birthDate, string phone)
    {
        using var answer = await _resident.ConfirmAsync(
            Provider.BuildAuthorizationUri(NewValue(), NewValue(), SimulatedProviderHost.RedirectUri), name, birthDate, phone: phone);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("role=\"alert\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_logs_no_name_birth_date_or_connecting_information()
    {
        var person = await VerifiedAsync("윤가람", "1949-08-15");
        using var misconfigured = IdentitySide.Build(IdentitySide.SimulatedSettings(fixture.Provider.Url, clientSecret: "wrong"));
        await Assert.ThrowsAsync<IdentityProviderException>(() =>
            misconfigured.Simulated().RedeemAsync("no-such-code", SimulatedProviderHost.RedirectUri, "n", CancellationToken.None));

        var lines = fixture.Provider.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("Issued an authorization code", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("윤가람", StringComparison.Ordinal)
                                          || l.Contains("1949-08-15", StringComparison.Ordinal)
                                          || l.Contains(person.ConnectingInformation, StringComparison.Ordinal)
                                          || l.Contains(SimulatedProviderHost.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_provider_is_reported_as_unavailable()
    {
        // Port 9 (discard) is closed on test machines: the connection is refused at once.
        var settings = IdentitySide.SimulatedSettings(new Uri("http://127.0.0.1:9/"));
        using var identity = IdentitySide.Build(settings);

        var failed = await Assert.ThrowsAsync<IdentityProviderException>(() =>
            identity.Simulated().RedeemAsync("any-code", SimulatedProviderHost.RedirectUri, "n", CancellationToken.None));
        Assert.Equal(IdentityProviderFailure.Unavailable, failed.Failure);
    }

    public void Dispose() => _resident.Dispose();

    private async Task<VerifiedPerson> VerifiedAsync(string name, string birthDate)
    {
        var nonce = NewValue();
        var (code, _) = await _resident.VerifyAsync(Provider.BuildAuthorizationUri(NewValue(), nonce, SimulatedProviderHost.RedirectUri), name, birthDate);
        return await Provider.RedeemAsync(code, SimulatedProviderHost.RedirectUri, nonce, CancellationToken.None);
    }

    private static string NewValue() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
