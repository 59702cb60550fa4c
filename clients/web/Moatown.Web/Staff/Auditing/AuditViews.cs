using System.Text.Json;

namespace Moatown.Web.Staff.Auditing;

/// <summary>The services that keep an audit trail, by the path of their API, with their names for people.</summary>
public sealed record AuditedService(string Path, string Korean, string English)
{
    public static IReadOnlyList<AuditedService> All { get; } =
    [
        new("identity", "인증·계정", "Identity and accounts"),
        new("campaigns", "캠페인·명부·집계", "Campaigns, rolls, tally"),
        new("signing", "서명", "Signing"),
        new("documents", "문서 보관", "Documents"),
        new("notifications", "알림", "Notifications"),
    ];

    public static AuditedService? Find(string? path) => All.FirstOrDefault(s => s.Path == path);
}

/// <summary><c>GET /api/&lt;service&gt;/audit</c>: a page of records in chain order and where the next page starts.</summary>
public sealed record AuditPageView(IReadOnlyList<AuditRecordView> Records, long? Next);

public sealed record AuditRecordView(long Sequence, Guid Id, DateTimeOffset RecordedAt, string Actor, string Action, string Resource,
    string Outcome, string? Purpose, string? SourceAddress, JsonElement? Detail, string? TraceId, string Hash);

/// <summary><c>GET /api/&lt;service&gt;/audit/verification</c>: the chain recomputed now.</summary>
public sealed record AuditVerificationView(bool Intact, long Records, long? HeadSequence, string? HeadHash, long? FirstBrokenSequence,
    string? Problem, int Anchors, DateTimeOffset? LastAnchoredAt, IReadOnlyList<string>? AnchorProblems);
