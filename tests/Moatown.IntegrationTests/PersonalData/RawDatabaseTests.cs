using System.Text;
using System.Text.RegularExpressions;
using Moatown.IntegrationTests.Authorization;
using Moatown.IntegrationTests.Infrastructure;
using Npgsql;

namespace Moatown.IntegrationTests.PersonalData;

/// <summary>
/// What someone with a copy of the databases would read: every row of every table of every
/// service's database, after the sample roll was imported and one of its owners was invited,
/// verified and signed. No person's name, birth date (in any usual spelling), phone number or
/// address of the roll may be there in plain text, nor inside a binary column.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RawDatabaseTests(SystemFixture system)
{
    private static readonly string[] ServiceDatabases = ["identitydb", "campaignsdb", "signingdb", "documentsdb", "notificationsdb"];

    [Fact]
    public async Task No_database_holds_a_name_birth_date_phone_or_address_of_the_sample_roll_in_plain_text()
    {
        // Every service has rows: the roll imported, invitations texted, a resident verified, a consent signed and sealed.
        var world = await MatrixWorld.OfAsync(system);
        Assert.NotEqual(Guid.Empty, world.DocumentId);
        var needles = Needles(CampaignRequests.SampleRoll);
        var found = new List<string>();
        var tables = 0;
        // The control: a lot number is stored readable by design (the count needs it), so the scan must see it.
        var sawLotNumber = false;

        foreach (var database in ServiceDatabases)
        {
            await using var connection = new NpgsqlConnection(system.Postgres.ConnectionString(database));
            await connection.OpenAsync();
            foreach (var (schema, table) in await TablesAsync(connection))
            {
                tables++;
                await using var command = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{schema}\".\"{table}\" t", connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = reader.GetString(0);
                    sawLotNumber |= row.Contains("중화동 1-2", StringComparison.Ordinal);
                    foreach (var needle in needles.Where(n => n.Pattern.IsMatch(row)))
                    {
                        found.Add($"{database}.{schema}.{table}: {needle.What} in {Excerpt(row, needle.Pattern)}");
                    }
                }
            }
        }

        Assert.True(tables >= 25, $"only {tables} tables read");
        Assert.True(sawLotNumber, "the scan reads the rows");
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct().Take(50)));
    }

    /// <summary>The personal data of the roll's persons, each as a pattern for its plain text and for its UTF-8 bytes in a bytea column's hex.</summary>
    private static List<(string What, Regex Pattern)> Needles(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',').ToList();
        var values = new HashSet<(string, string)>();
        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (fields[header.IndexOf("owner_type")] != "person")
            {
                continue;
            }
            values.Add(("name", fields[header.IndexOf("owner_name")]));
            if (fields[header.IndexOf("address")] is { Length: > 0 } address)
            {
                values.Add(("address", address));
            }
            if (DateOnly.TryParseExact(fields[header.IndexOf("birth_date")], "yyyy-MM-dd", out var birth))
            {
                foreach (var format in new[] { "yyyy-MM-dd", "yyyyMMdd", "yyMMdd", "yyyy.MM.dd" })
                {
                    values.Add(("birth date", birth.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            if (fields[header.IndexOf("phone")] is { Length: > 0 } phone)
            {
                var digits = phone.Replace("-", "", StringComparison.Ordinal);
                values.Add(("phone", phone));
                values.Add(("phone", digits));
                values.Add(("phone", "+82" + digits[1..]));
            }
        }
        return values.SelectMany(v => new[]
        {
            // Digits only where no letter or digit touches them: a short number inside a hash or hex is no finding,
            // nor six digits that are a timestamp's microseconds ("…:21.851212+00").
            (v.Item1 + $" \"{v.Item2}\"", new Regex($"(?<![0-9A-Za-z])(?<!:[0-9][0-9]\\.){Regex.Escape(v.Item2)}(?![0-9A-Za-z])")),
            (v.Item1 + $" \"{v.Item2}\" (bytes)", new Regex(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(v.Item2)), RegexOptions.IgnoreCase)),
        }).ToList();
    }

    private static async Task<List<(string Schema, string Table)>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            tables.Add((reader.GetString(0), reader.GetString(1)));
        }
        return tables;
    }

    private static string Excerpt(string row, Regex pattern)
    {
        var match = pattern.Match(row);
        var start = Math.Max(0, match.Index - 60);
        return row.Substring(start, Math.Min(row.Length - start, match.Length + 120));
    }
}
