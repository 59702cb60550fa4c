using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.Web.Staff.Campaigns;

/// <summary>
/// The campaign APIs of the gateway as the signed-in staff member. Every answer comes back as an
/// <see cref="ApiAnswer{T}"/>: the pages decide what a refusal means to the person.
/// </summary>
internal sealed class StaffCampaigns(StaffApi api)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiAnswer<List<Campaign>>> ListAsync(CancellationToken cancellationToken) =>
        SendAsync<List<Campaign>>(HttpMethod.Get, "/api/campaigns", null, cancellationToken);

    public Task<ApiAnswer<Campaign>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<Campaign>(HttpMethod.Get, $"/api/campaigns/{id}", null, cancellationToken);

    public Task<ApiAnswer<Campaign>> CreateAsync(object request, CancellationToken cancellationToken) =>
        SendAsync<Campaign>(HttpMethod.Post, "/api/campaigns", JsonContent.Create(request, options: Json), cancellationToken);

    public Task<ApiAnswer<Campaign>> UpdateAsync(Guid id, object request, CancellationToken cancellationToken) =>
        SendAsync<Campaign>(HttpMethod.Put, $"/api/campaigns/{id}", JsonContent.Create(request, options: Json), cancellationToken);

    /// <summary>"open" or "close".</summary>
    public Task<ApiAnswer<Campaign>> ChangeStatusAsync(Guid id, string step, CancellationToken cancellationToken) =>
        SendAsync<Campaign>(HttpMethod.Post, $"/api/campaigns/{id}/{step}", null, cancellationToken);

    public Task<ApiAnswer<RollVersion>> RollAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<RollVersion>(HttpMethod.Get, $"/api/campaigns/{id}/roll", null, cancellationToken);

    public Task<ApiAnswer<RollImport>> ImportRollAsync(Guid id, Stream csv, CancellationToken cancellationToken)
    {
        var content = new StreamContent(csv);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        return SendAsync<RollImport>(HttpMethod.Put, $"/api/campaigns/{id}/roll", content, cancellationToken);
    }

    public Task<ApiAnswer<CampaignTally>> TallyAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<CampaignTally>(HttpMethod.Get, $"/api/campaigns/{id}/tally", null, cancellationToken);

    /// <summary>A page of the roll's holders, masked, and how many there are in all.</summary>
    public async Task<(ApiAnswer<List<Holder>> Answer, int Total)> HoldersAsync(Guid id, int offset, int limit, CancellationToken cancellationToken)
    {
        var total = 0;
        var answer = await SendAsync<List<Holder>>(HttpMethod.Get, $"/api/campaigns/{id}/holders?offset={offset}&limit={limit}", null, cancellationToken,
            response => total = response.Headers.TryGetValues("X-Total-Count", out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0);
        return (answer, total);
    }

    /// <summary>Every holder of the roll, a large page at a time (the service allows 5,000 per page).</summary>
    public async Task<ApiAnswer<List<Holder>>> AllHoldersAsync(Guid id, CancellationToken cancellationToken)
    {
        const int page = 5000;
        var all = new List<Holder>();
        while (true)
        {
            var (answer, total) = await HoldersAsync(id, all.Count, page, cancellationToken);
            if (!answer.Succeeded)
            {
                return answer;
            }
            all.AddRange(answer.Value!);
            if (answer.Value!.Count < page || all.Count >= total)
            {
                return answer with { Value = all };
            }
        }
    }

    public Task<ApiAnswer<OwnersPage>> OwnersOfAsync(Guid id, Guid holderId, CancellationToken cancellationToken) =>
        SendAsync<OwnersPage>(HttpMethod.Get, $"/api/campaigns/{id}/owners?holderId={holderId}&limit=1000", null, cancellationToken);

    public Task<ApiAnswer<List<Invitation>>> InvitationsOfAsync(Guid id, Guid holderId, CancellationToken cancellationToken) =>
        SendAsync<List<Invitation>>(HttpMethod.Get, $"/api/campaigns/{id}/invitations?holderId={holderId}", null, cancellationToken);

    /// <summary>Invitations (or, with <paramref name="reminder"/>, reminders) for the holders named, or for everyone on the roll with a phone.</summary>
    public Task<ApiAnswer<InvitationsIssued>> InviteAsync(Guid id, IReadOnlyList<Guid>? holderIds, bool reminder, CancellationToken cancellationToken) =>
        SendAsync<InvitationsIssued>(HttpMethod.Post, $"/api/campaigns/{id}/invitations",
            JsonContent.Create(new { holderIds, reminder }, options: Json), cancellationToken);

    public Task<ApiAnswer<List<LedgerEntry>>> LedgerOfAsync(Guid id, Guid holderId, CancellationToken cancellationToken) =>
        SendAsync<List<LedgerEntry>>(HttpMethod.Get, $"/api/campaigns/{id}/ledger?holderId={holderId}", null, cancellationToken);

    /// <summary>A consent or withdrawal signed on paper ("paper-consents" or "paper-withdrawals").</summary>
    public Task<ApiAnswer<LedgerEntry>> RecordPaperAsync(Guid id, bool withdrawal, Guid holderId, string reference, DateTimeOffset? signedAt, CancellationToken cancellationToken) =>
        SendAsync<LedgerEntry>(HttpMethod.Post, $"/api/campaigns/{id}/{(withdrawal ? "paper-withdrawals" : "paper-consents")}",
            JsonContent.Create(new { holderId, reference, signedAt }, options: Json), cancellationToken);

    public Task<ApiAnswer<List<MessageDelivery>>> MessagesOfAsync(Guid id, Guid holderId, CancellationToken cancellationToken) =>
        SendAsync<List<MessageDelivery>>(HttpMethod.Get, $"/api/notifications/campaigns/{id}/messages?holderId={holderId}", null, cancellationToken);

    private async Task<ApiAnswer<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken,
        Action<HttpResponseMessage>? read = null)
    {
        using var client = await api.ClientAsync(cancellationToken);
        if (client is null)
        {
            content?.Dispose();
            return new(HttpStatusCode.Unauthorized, default, null);
        }
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request, cancellationToken);
        read?.Invoke(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new(response.StatusCode, default, ApiProblem.From(body));
        }
        return new(response.StatusCode, JsonSerializer.Deserialize<T>(body, Json), null);
    }
}
