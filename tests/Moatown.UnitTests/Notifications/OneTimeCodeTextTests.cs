using Microsoft.Extensions.Configuration;
using Moatown.Notifications.Model;
using Moatown.Notifications.Sending;
using Moatown.Notifications.Templates;

namespace Moatown.UnitTests.Notifications;

/// <summary>The verification text ends with the origin-bound line ("@host #code") that phones autofill from.</summary>
public sealed class OneTimeCodeTextTests
{
    [Fact]
    public void The_code_text_ends_with_the_gateway_host_and_the_code_and_stays_one_sms()
    {
        var origin = OneTimeCodeOrigin.From(Configuration(("Identity:Issuer", "https://moatown.kr/")));

        var (template, values) = origin.Text("042817", "3");
        var text = template.Render(values);

        Assert.Equal("verification-code.v2", template.Key);
        Assert.Equal("[모아타운] 인증번호 [042817] 3분 안에 입력. 남에게 알리지 마세요.\n@moatown.kr #042817", text);
        Assert.Equal("@moatown.kr #042817", text.Split('\n')[^1]);
        Assert.Equal(MessageKind.Sms, MessageLength.KindOf(text));
    }

    [Fact]
    public void A_configured_host_wins_over_the_issuer_and_loses_its_scheme_and_port()
    {
        Assert.Equal("econsent.seoul.kr", OneTimeCodeOrigin.From(Configuration(
            (OneTimeCodeOrigin.HostKey, "econsent.seoul.kr"), ("Identity:Issuer", "https://moatown.kr/"))).Host);
        Assert.Equal("localhost", OneTimeCodeOrigin.From(Configuration((OneTimeCodeOrigin.HostKey, "http://localhost:8080"))).Host);
        Assert.Equal("localhost", OneTimeCodeOrigin.From(Configuration(("Identity:Issuer", "http://localhost:8080/"))).Host);
    }

    [Fact]
    public void Without_a_host_the_code_goes_out_in_the_first_wording()
    {
        var (template, values) = OneTimeCodeOrigin.From(Configuration()).Text("123456", "3");

        Assert.Equal("verification-code.v1", template.Key);
        Assert.DoesNotContain("@", template.Render(values), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
