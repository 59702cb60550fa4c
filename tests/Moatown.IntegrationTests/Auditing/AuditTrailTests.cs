using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Auditing;
using Moatown.Campaigns.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using Npgsql;

namespace Moatown.IntegrationTests.Auditing;

/// <summary>
/// The campaigns service's audit trail on a database of its own per test, so a test that tampers with a
/// chain never breaks another's: who changed what is recorded, the chain checks, and the service's
/// runtime role cannot rewrite it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuditTrailTests(SystemFixture system)
{
    private const string AuditorClient = "audit-trail-auditor";

    [Fact]
    public async Task Changes_to_what_the_count_is_made_of_are_recorded_with_who_made_them_and_the_chain_verifies()
    {
        var (host, database) = Host("audit_records_kept");
        await using var _ = host;
        using var organizer = await system.ClientAsync(host, Scopes.Campaigns);
        var campaignId = await organizer.CreateOpenCampaignAsync("audited campaign");
        var holder = (await organizer.HoldersByMaskedNameAsync(campaignId)).Values.First();
        using (var paper = await organizer.PaperAsync(campaignId, "consents", new { holderId = holder, reference = "PAPER-1" }))
        {
            Assert.Equal(HttpStatusCode.Created, paper.StatusCode);
        }
        (await organizer.PostAsync($"/api/campaigns/{campaignId}/close", null)).EnsureSuccessStatusCode();

        using var auditor = await AuditorAsync(host);
        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/campaigns/audit");
        var records = page.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(
            ["roll.import", "campaign.open", "ledger.paper-consent", "campaign.close"],
            records.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (long)i), records.Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.All(records, r =>
        {
            Assert.Equal("moatown-dev", r.GetProperty("actor").GetString());
            Assert.Equal("success", r.GetProperty("outcome").GetString());
            Assert.StartsWith($"campaign/{campaignId}", r.GetProperty("resource").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal($"campaign/{campaignId}/holder/{holder}", records[2].GetProperty("resource").GetString());

        var verification = await VerifyAsync(auditor);
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        Assert.Equal(4, verification.GetProperty("records").GetInt64());

        var offline = await RepositoryTools.RunAsync("Moatown.AuditVerifier", [system.Postgres.ConnectionString(database)]);
        Assert.Equal(0, offline.ExitCode);
        Assert.Contains($"{database}: intact, 4 records", offline.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_runs_as_a_role_that_cannot_change_or_delete_audit_records()
    {
        var (host, database) = Host("audit_runtime_role");
        await using var _ = host;
        using var organizer = await system.ClientAsync(host, Scopes.Campaigns);
        await organizer.CreateOpenCampaignAsync("runtime role");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        Assert.Equal($"{database}_runtime", await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync());
        foreach (var statement in new[] { "UPDATE audit_records SET actor = 'someone else'", "DELETE FROM audit_records", "TRUNCATE audit_records" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("permission denied for table audit_records", refused.MessageText, StringComparison.Ordinal);
        }
        // Everything else the service does still works as that role: it just wrote the records above.
        Assert.True(await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM audit_records").SingleAsync() >= 2);

        // Even the schema's owner is stopped by the append-only trigger unless it first disables it.
        await using var owner = await OwnerAsync(database);
        await using var update = new NpgsqlCommand("UPDATE audit_records SET actor = 'someone else'", owner);
        var ownerRefused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", ownerRefused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_edited_in_the_table_is_found_by_the_chain_check_and_the_offline_verifier()
    {
        var (host, database) = Host("audit_edited");
        await using var _ = host;
        using var organizer = await system.ClientAsync(host, Scopes.Campaigns);
        await organizer.CreateOpenCampaignAsync("edited record");

        await TamperAsync(database, "UPDATE audit_records SET actor = 'someone-else' WHERE sequence = 2");

        using var auditor = await AuditorAsync(host);
        var verification = await VerifyAsync(auditor);
        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verification.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal("record 2 was changed after it was written", verification.GetProperty("problem").GetString());
        Assert.Equal(1, verification.GetProperty("records").GetInt64());

        var offline = await RepositoryTools.RunAsync("Moatown.AuditVerifier", [system.Postgres.ConnectionString(database)]);
        Assert.Equal(1, offline.ExitCode);
        Assert.Contains($"{database}: BROKEN at record 2: record 2 was changed after it was written", offline.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_record_is_found_by_the_chain_check()
    {
        var (host, database) = Host("audit_deleted");
        await using var _ = host;
        using var organizer = await system.ClientAsync(host, Scopes.Campaigns);
        var campaignId = await organizer.CreateOpenCampaignAsync("deleted record");
        (await organizer.PostAsync($"/api/campaigns/{campaignId}/close", null)).EnsureSuccessStatusCode();

        await TamperAsync(database, "DELETE FROM audit_records WHERE sequence = 2");

        using var auditor = await AuditorAsync(host);
        var verification = await VerifyAsync(auditor);
        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verification.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal("record 2 is missing (the next one is 3)", verification.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task A_chain_rewritten_with_fresh_hashes_is_caught_by_its_time_stamped_head()
    {
        var (host, database) = Host("audit_rewritten", new() { ["Auditing:AnchorInterval"] = "00:00:01" });
        await using var _ = host;
        using var organizer = await system.ClientAsync(host, Scopes.Campaigns);
        await organizer.CreateOpenCampaignAsync("rewritten chain");

        using var auditor = await AuditorAsync(host);
        JsonElement stamped = default;
        await Eventually.HoldsAsync(async () =>
        {
            stamped = await VerifyAsync(auditor);
            return stamped.GetProperty("anchors").GetInt32() >= 1 && stamped.GetProperty("headSequence").GetInt64() == 2;
        }, TimeSpan.FromSeconds(30), "the chain head is time-stamped by the documents service's TSA");
        Assert.True(stamped.GetProperty("intact").GetBoolean(), stamped.ToString());

        // An insider with the owner's rights and this code rewrites record 1 and recomputes every hash after it.
        await using (var owner = await OwnerAsync(database))
        {
            var records = new List<AuditRecord>();
            await foreach (var record in AuditStore.ReadAsync(owner))
            {
                records.Add(record);
            }
            var previous = AuditChain.Genesis;
            var rewritten = records.Select(record =>
            {
                var changed = record with { PreviousHash = previous, Actor = record.Sequence == 1 ? "someone-else" : record.Actor };
                changed = changed with { Hash = AuditChain.Hash(changed) };
                previous = changed.Hash;
                return changed;
            }).ToList();
            await ExecuteAsync(owner, "ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only");
            foreach (var record in rewritten)
            {
                await using var update = new NpgsqlCommand("UPDATE audit_records SET actor = $1, previous_hash = $2, hash = $3 WHERE sequence = $4", owner);
                update.Parameters.AddWithValue(record.Actor);
                update.Parameters.AddWithValue(record.PreviousHash);
                update.Parameters.AddWithValue(record.Hash);
                update.Parameters.AddWithValue(record.Sequence);
                await update.ExecuteNonQueryAsync();
            }
            await ExecuteAsync(owner, "ALTER TABLE audit_records ENABLE TRIGGER audit_records_append_only");
        }

        var verification = await VerifyAsync(auditor);
        Assert.Null(verification.GetProperty("problem").GetString());
        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Contains(verification.GetProperty("anchorProblems").EnumerateArray(),
            p => p.GetString()!.Contains("has another hash now", StringComparison.Ordinal));

        var offline = await RepositoryTools.RunAsync("Moatown.AuditVerifier", [system.Postgres.ConnectionString(database)]);
        Assert.Equal(1, offline.ExitCode);
        Assert.Contains("BROKEN anchor at record", offline.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_auditors_read_the_trail_and_bad_paging_is_a_problem()
    {
        using var organizer = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using (var denied = await organizer.GetAsync("/api/campaigns/audit"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using var auditor = await AuditorAsync(system.Campaigns);
        using var bad = await auditor.GetAsync("/api/campaigns/audit?limit=0");
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private (ServiceFactory<CampaignsDbContext> Host, string Database) Host(string database, Dictionary<string, string?>? extra = null) =>
        (system.CreateCampaigns(extra, database), database);

    private async Task<HttpClient> AuditorAsync(ServiceFactory<CampaignsDbContext> host)
    {
        var secret = await system.RegisterClientAsync(AuditorClient, [Roles.Auditor], [Scopes.Campaigns]);
        return await system.ClientAsync(host, Scopes.Campaigns, AuditorClient, secret);
    }

    private static Task<JsonElement> VerifyAsync(HttpClient auditor) =>
        auditor.GetFromJsonAsync<JsonElement>("/api/campaigns/audit/verification");

    private async Task<NpgsqlConnection> OwnerAsync(string database)
    {
        var connection = new NpgsqlConnection(system.Postgres.ConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>What someone with the schema owner's rights can do: switch the trigger off, change rows, switch it on.</summary>
    private async Task TamperAsync(string database, string change)
    {
        await using var owner = await OwnerAsync(database);
        await ExecuteAsync(owner, "ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only");
        await ExecuteAsync(owner, change);
        await ExecuteAsync(owner, "ALTER TABLE audit_records ENABLE TRIGGER audit_records_append_only");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
