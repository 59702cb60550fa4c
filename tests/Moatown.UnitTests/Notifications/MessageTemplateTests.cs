using Moatown.Notifications.Templates;

namespace Moatown.UnitTests.Notifications;

public sealed class MessageTemplateTests
{
    [Fact]
    public void The_registry_knows_each_template_by_id_and_version()
    {
        Assert.True(MessageTemplates.TryFind("invitation.v1", out var invitation));
        Assert.Equal(["campaignName", "link"], invitation.Placeholders);
        Assert.True(MessageTemplates.TryFind("reminder.v1", out _));
        Assert.True(MessageTemplates.TryFind("verification-code.v1", out var code));
        Assert.Equal(["code", "minutes"], code.Placeholders);
        Assert.False(MessageTemplates.TryFind("invitation.v2", out _));
        Assert.False(MessageTemplates.TryFind("invitation", out _));
    }

    [Fact]
    public void Rendering_fills_every_placeholder()
    {
        var text = MessageTemplates.VerificationCodeV1.Render(new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "3" });
        Assert.Equal("[모아타운] 인증번호 [123456]를 3분 안에 입력해 주세요. 누구에게도 알려주지 마세요.", text);
    }

    [Fact]
    public void Rendering_refuses_a_missing_or_empty_placeholder_and_names_it_without_values()
    {
        var missing = Assert.Throws<TemplateRenderException>(() =>
            MessageTemplates.InvitationV1.Render(new Dictionary<string, string> { ["campaignName"] = "면목동 모아타운" }));
        Assert.Contains("link", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("면목동", missing.Message, StringComparison.Ordinal);

        Assert.Throws<TemplateRenderException>(() =>
            MessageTemplates.InvitationV1.Render(new Dictionary<string, string> { ["campaignName"] = "면목동", ["link"] = " " }));
    }

    [Fact]
    public void Rendering_refuses_a_value_for_no_placeholder()
    {
        var ex = Assert.Throws<TemplateRenderException>(() => MessageTemplates.VerificationCodeV1.Render(
            new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "3", ["minute"] = "3" }));
        Assert.Contains("minute", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_expanded_again()
    {
        var text = MessageTemplates.InvitationV1.Render(new Dictionary<string, string>
        {
            ["campaignName"] = "{link}",
            ["link"] = "https://moatown.example/i/abc",
        });
        Assert.StartsWith("[모아타운 전자동의] {link} 주민제안", text, StringComparison.Ordinal);
    }
}
