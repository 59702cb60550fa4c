using Moatown.Notifications.Model;
using Moatown.Notifications.Sending;
using Moatown.Notifications.Templates;

namespace Moatown.UnitTests.Notifications;

public sealed class MessageLengthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc 123", 7)]
    [InlineData("모아타운", 8)]
    [InlineData("[모아타운] 123456", 17)]
    [InlineData("😀", 2)]
    public void Bytes_count_one_per_ascii_character_and_two_per_any_other(string text, int bytes) =>
        Assert.Equal(bytes, MessageLength.Bytes(text));

    [Fact]
    public void Ninety_bytes_is_still_an_sms_and_ninety_one_is_an_lms()
    {
        Assert.Equal(MessageKind.Sms, MessageLength.KindOf(new string('가', 45)));
        Assert.Equal(MessageKind.Lms, MessageLength.KindOf(new string('가', 45) + "a"));
        Assert.Equal(MessageKind.Sms, MessageLength.KindOf(new string('a', 90)));
        Assert.Equal(MessageKind.Lms, MessageLength.KindOf(new string('a', 91)));
    }

    [Fact]
    public void An_lms_holds_at_most_two_thousand_bytes()
    {
        Assert.True(MessageLength.FitsLms(new string('가', 1000)));
        Assert.False(MessageLength.FitsLms(new string('가', 1000) + "a"));
    }

    [Fact]
    public void A_verification_code_is_an_sms_and_an_invitation_with_its_link_an_lms()
    {
        var code = MessageTemplates.VerificationCodeV1.Render(new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "3" });
        Assert.Equal(MessageKind.Sms, MessageLength.KindOf(code));
        var invitation = MessageTemplates.InvitationV1.Render(new Dictionary<string, string>
        {
            ["campaignName"] = "면목동 모아타운 1구역",
            ["link"] = "https://moatown.example/i/0123456789abcdef",
        });
        Assert.Equal(MessageKind.Lms, MessageLength.KindOf(invitation));
    }
}
