using Moatown.Documents.Rendering;

namespace Moatown.IntegrationTests.Documents;

/// <summary>A consent form and an owner as the documents service gets them, varied per test with <c>with</c>.</summary>
internal static class ConsentSamples
{
    public static readonly ConsentFormContent Form = new(
        CampaignId: Guid.Parse("5b0e1f0a-6d1c-4c1e-9a39-6f1f4c7f0a11"),
        CampaignName: "면목동 모아타운 1구역",
        District: "중랑구",
        AreaName: "면목동 모아타운",
        Title: "모아주택 사업 시행 동의서",
        Body: "본인은 아래 부동산의 소유자로서 면목동 모아타운 1구역 소규모주택정비사업의 시행에 동의합니다.\n"
              + "이 동의서는 도시 및 주거환경정비법 시행령에 따른 동의서 양식을 따릅니다.",
        StatutoryItems:
        [
            "건축물 설계의 개요 및 공사비 등 정비사업비용의 개략적인 금액에 동의합니다.",
            "정비사업비용의 분담 기준 및 사업 완료 후 소유권 귀속에 관한 사항에 동의합니다.",
            "조합 정관 또는 사업시행규정에 동의합니다.",
        ],
        FormVersion: 3);

    public static readonly OwnerParticulars Owner = new(
        HolderId: Guid.Parse("0c6b7d8e-2f3a-4b5c-8d9e-0a1b2c3d4e5f"),
        OwnerName: "김서연",
        BirthDateMasked: "1961-**-**",
        Properties:
        [
            new("P-0001", "land", "서울특별시 중랑구 면목동 123-45", 1234.5m, "1/2"),
            new("P-0002", "building", "서울특별시 중랑구 면목동 123-45 제1동", null, "1/1"),
            new("P-0003", "superficies", "서울특별시 중랑구 면목동 200-7", 56789m, "3/10"),
        ]);

    /// <summary>A body long enough to run onto a second page, with a marker sentence on each side of the break.</summary>
    public static ConsentFormContent TwoPageForm() => Form with
    {
        Body = "첫머리문장 시작합니다.\n"
               + string.Join("\n", Enumerable.Range(1, 60).Select(i => $"제{i}조 이 조항은 정비사업의 시행과 관련된 소유자의 권리와 의무를 설명하는 문단입니다."))
               + "\n마지막문장 끝입니다.",
    };
}
