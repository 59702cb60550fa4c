using Moatown.Auditing;

namespace Moatown.UnitTests.Auditing;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_untouched_chain_verifies_to_its_head()
    {
        var chain = Chain(5);

        var report = await AuditChain.VerifyAsync(chain.ToAsyncEnumerable());

        Assert.True(report.Intact);
        Assert.Equal(5, report.IntactRecords);
        Assert.Equal(5, report.HeadSequence);
        Assert.Equal(Convert.ToHexStringLower(chain[^1].Hash), report.HeadHash);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("outcome")]
    [InlineData("purpose")]
    [InlineData("time")]
    [InlineData("detail")]
    public async Task Changing_any_field_of_a_record_breaks_the_chain_there(string field)
    {
        var chain = Chain(5);
        chain[2] = field switch
        {
            "actor" => chain[2] with { Actor = "someone-else" },
            "outcome" => chain[2] with { Outcome = "failure" },
            "purpose" => chain[2] with { Purpose = "another purpose" },
            "time" => chain[2] with { RecordedAt = chain[2].RecordedAt.AddSeconds(1) },
            _ => chain[2] with { Detail = "{\"rows\":\"10\"}" },
        };

        var report = await AuditChain.VerifyAsync(chain.ToAsyncEnumerable());

        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal(2, report.IntactRecords);
        Assert.Equal("record 3 was changed after it was written", report.Problem);
    }

    [Fact]
    public async Task A_removed_record_and_a_record_relinked_over_a_gap_are_found()
    {
        var removed = Chain(5);
        removed.RemoveAt(1);
        Assert.Equal("record 2 is missing (the next one is 3)", (await AuditChain.VerifyAsync(removed.ToAsyncEnumerable())).Problem);

        // Renumbered and rehashed after the removal, but still pointing at the old predecessor.
        var relinked = Chain(5);
        relinked.RemoveAt(1);
        relinked[1] = relinked[1] with { Sequence = 2 };
        relinked[1] = relinked[1] with { Hash = AuditChain.Hash(relinked[1]) };
        Assert.Equal("record 2 does not link to record 1", (await AuditChain.VerifyAsync(relinked.ToAsyncEnumerable())).Problem);
    }

    [Fact]
    public void Fields_are_length_prefixed_so_moving_text_between_them_changes_the_hash()
    {
        var a = AuditChain.Hash(AuditChain.Genesis, 1, Guid.Empty, Start, "ab", "c", "r", "success", null, null, null, null);
        var b = AuditChain.Hash(AuditChain.Genesis, 1, Guid.Empty, Start, "a", "bc", "r", "success", null, null, null, null);
        var nullPurpose = AuditChain.Hash(AuditChain.Genesis, 1, Guid.Empty, Start, "a", "b", "r", "success", null, null, null, null);
        var emptyPurpose = AuditChain.Hash(AuditChain.Genesis, 1, Guid.Empty, Start, "a", "b", "r", "success", "", null, null, null);

        Assert.NotEqual(a, b);
        Assert.NotEqual(nullPurpose, emptyPurpose);
    }

    private static List<AuditRecord> Chain(int count)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var record = new AuditRecord(i, Guid.NewGuid(), Start.AddMinutes(i), "organizer-1", "ledger.paper-consent", $"campaign/c/holder/{i}",
                "success", null, "10.0.0.1", "{\"rows\":\"9\"}", null, previous, []);
            record = record with { Hash = AuditChain.Hash(record) };
            records.Add(record);
            previous = record.Hash;
        }
        return records;
    }
}
