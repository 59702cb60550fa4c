namespace Moatown.Documents.Packages;

/// <summary>The package's README.txt: what each file is and how to check it, in Korean and English.</summary>
public static class PackageReadme
{
    public const string FileName = "README.txt";
    public const string SealRootsFileName = "seal-roots.pem";

    public static string Text(Guid campaignId, DateTimeOffset createdAt) => $"""
        모아타운 전자 동의 제출 패키지 / Moatown e-consent submission package
        캠페인 / Campaign: {campaignId}
        작성 시각 / Created: {createdAt.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}

        [파일]
        consents/*.pdf      봉인(전자서명·타임스탬프)된 동의서와 철회서 원본
        roster.csv          동의 목록 (가명 ID, 시각, 파일명, SHA-256; 이름·전화번호·생년월일 없음)
        tally.json          동의율 집계
        explanation.json    소유자별 산정 근거 (이름은 가려짐)
        seal-roots.pem      봉인 인증서의 루트 인증서
        manifest.json       위 모든 파일의 경로, 크기, SHA-256
        manifest.json.p7s   manifest.json에 대한 제공자의 전자서명 (CMS, 분리 서명)

        [검증]
        1. 루트 인증서는 공개된 곳에서 받으십시오: GET /api/documents/trust/seal-roots.pem
        2. dotnet Moatown.PackageVerifier.dll package.zip --roots seal-roots.pem
           (저장소의 tools/Moatown.PackageVerifier; "OK"이면 서명과 모든 파일이 맞습니다)
        3. 또는 OpenSSL로 서명만 확인 후 각 파일의 SHA-256을 manifest.json과 비교:
           openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -CAfile seal-roots.pem -purpose any
           sha256sum consents/*.pdf

        [Files]
        consents/*.pdf      the sealed (signed and time-stamped) consents and withdrawals, as stored
        roster.csv          one row per consent: pseudonymous ids, times, file name, SHA-256; no names, phones or birth dates
        tally.json          the consent tally
        explanation.json    how each owner was counted (names masked)
        seal-roots.pem      the roots the provider's seal chains to
        manifest.json       every file above with its path, size and SHA-256
        manifest.json.p7s   the provider's detached CMS signature over manifest.json

        [How to check]
        1. Take the roots from the published source: GET /api/documents/trust/seal-roots.pem
        2. dotnet Moatown.PackageVerifier.dll package.zip --roots seal-roots.pem
           (tools/Moatown.PackageVerifier in the repository; "OK" means the signature and every file check out)
        3. Or with OpenSSL, the signature, then each file's SHA-256 against manifest.json:
           openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -CAfile seal-roots.pem -purpose any
           sha256sum consents/*.pdf

        """.ReplaceLineEndings("\r\n");
}
