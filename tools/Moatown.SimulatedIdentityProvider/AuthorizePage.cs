using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// The provider's pages, in Korean: the confirmation form a resident fills in, and the error page for a
/// request that cannot be sent back anywhere. Every value is HTML-encoded; the pages load nothing.
/// </summary>
public static class AuthorizePage
{
    // Hangul stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:system-ui,'Noto Sans KR',sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
        label{display:block;margin-top:1rem;font-weight:600}
        input,select,button{font-size:1.1rem;padding:.6rem;width:100%;box-sizing:border-box}
        button{margin-top:1.5rem}
        .note{color:#555;font-size:.95rem}
        .error{color:#a00;font-weight:600}
        """;

    public static IResult Form(AuthorizationRequest request, string? problem = null, string? name = null, string? birthDate = null,
        int statusCode = StatusCodes.Status200OK)
    {
        var e = Encoder;
        var carriers = string.Concat(ResidentAnswer.Carriers.Select(c => $"""<option value="{e.Encode(c.Key)}">{e.Encode(c.Value)}</option>"""));
        var alert = problem is null ? "" : $"""<p id="problem" class="error" role="alert">{e.Encode(problem)}</p>""";
        var describedBy = problem is null ? "" : """ aria-describedby="problem" """;
        var body = $"""
            <h1>휴대폰 본인인증</h1>
            <p class="note">개발·시험용 모의 인증기관입니다. 실제 본인확인은 이루어지지 않습니다.</p>
            {alert}
            <form method="post" action="/authorize">
              <input type="hidden" name="client_id" value="{e.Encode(request.ClientId ?? "")}">
              <input type="hidden" name="redirect_uri" value="{e.Encode(request.RedirectUri ?? "")}">
              <input type="hidden" name="state" value="{e.Encode(request.State ?? "")}">
              <input type="hidden" name="nonce" value="{e.Encode(request.Nonce ?? "")}">
              <label for="name">이름</label>
              <input id="name" name="name" autocomplete="name" required maxlength="50" value="{e.Encode(name ?? "")}"{describedBy}>
              <label for="birthdate">생년월일</label>
              <input id="birthdate" name="birthdate" type="date" autocomplete="bday" required value="{e.Encode(birthDate ?? "")}">
              <label for="carrier">통신사</label>
              <select id="carrier" name="carrier" required><option value="">선택</option>{carriers}</select>
              <label for="phone">휴대폰 번호</label>
              <input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel" required placeholder="010-0000-0000">
              <button type="submit" name="action" value="confirm">인증</button>
              <button type="submit" name="action" value="cancel" formnovalidate>취소</button>
            </form>
            """;
        return Page("본인인증", body, statusCode);
    }

    public static IResult Error(string message) =>
        Page("잘못된 요청", $"""
            <h1>잘못된 요청입니다</h1>
            <p role="alert">{Encoder.Encode(message)}</p>
            <p class="note">인증을 요청한 서비스로 돌아가 처음부터 다시 시도해 주세요.</p>
            """, StatusCodes.Status400BadRequest);

    private static IResult Page(string title, string body, int statusCode) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="ko">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} — 모의 인증기관</title><style>{Style}</style></head>
        <body><main>{body}</main></body>
        </html>
        """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
}
