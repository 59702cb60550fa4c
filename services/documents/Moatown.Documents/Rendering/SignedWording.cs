using System.Globalization;

namespace Moatown.Documents.Rendering;

/// <summary>The fixed Korean wording of the signature, withdrawal and evidence pages.</summary>
internal static class SignedWording
{
    public const string SignatureHeading = "동의 서명";
    public const string SignatureStatement = "본인은 위 동의서의 내용을 확인하였으며, 아래 항목별 의사와 같이 전자적으로 서명합니다.";
    public const string WithdrawalTitle = "동의 철회서";
    public const string WithdrawalStatement = "본인은 아래 동의서에 따라 제출한 동의를 철회합니다.";
    public const string FormReferenceHeading = "철회 대상 동의서";
    public const string Signature = "서명";
    public const string EvidenceTitle = "전자서명 증거 기록";
    public const string EvidenceNote = "이 쪽은 서명 과정을 기록한 것으로, 소유자는 가명 식별자로만 표시됩니다. 시각은 한국 표준시(UTC+09:00)입니다.";
    public const string ConsentKind = "동의서";

    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    /// <summary>Korea has no daylight saving time: a fixed +09:00 is exact, and needs no time zone database.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToOffset(Seoul).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static string Footer(string campaignName, CompositionKind kind, int page, int pages) =>
        $"{campaignName} · {(kind == CompositionKind.Withdrawal ? WithdrawalTitle : ConsentKind)} 서명·증거 {page} / {pages}쪽";
}
