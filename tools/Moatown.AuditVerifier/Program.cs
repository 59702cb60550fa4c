using Moatown.Auditing;
using Npgsql;

// Usage: Moatown.AuditVerifier <npgsql connection string>...
// Recomputes each database's audit chain from its first record and checks every time-stamped head.
// Exit codes: 0 every chain intact, 1 a chain is broken (the first broken link is printed), 2 usage or
// connection error.
if (args.Length == 0 || args.Any(a => a is "-h" or "--help"))
{
    Console.Error.WriteLine("usage: Moatown.AuditVerifier \"Host=…;Port=…;Username=…;Password=…;Database=…\" [more connection strings]");
    return 2;
}

var broken = false;
foreach (var connectionString in args)
{
    string database;
    try
    {
        database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "(default database)";
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"not a connection string: {e.Message}");
        return 2;
    }

    AuditVerification result;
    try
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        result = await AuditStore.VerifyAsync(connection);
    }
    catch (NpgsqlException e)
    {
        Console.Error.WriteLine($"{database}: cannot read the audit trail: {e.Message}");
        return 2;
    }

    var chain = result.Chain;
    var stamped = result.Anchors == 0
        ? "no time-stamped head"
        : $"{result.Anchors} time-stamped heads, the last at {result.LastAnchoredAt:yyyy-MM-dd HH:mm:ss}Z";
    if (result.Intact)
    {
        Console.WriteLine($"{database}: intact, {chain.IntactRecords} records, head {chain.HeadSequence?.ToString() ?? "-"} {chain.HeadHash ?? ""}; {stamped}");
        continue;
    }
    broken = true;
    if (!chain.Intact)
    {
        Console.WriteLine($"{database}: BROKEN at record {chain.FirstBrokenSequence}: {chain.Problem} ({chain.IntactRecords} records intact before it)");
    }
    foreach (var problem in result.AnchorProblems)
    {
        Console.WriteLine($"{database}: BROKEN {problem}");
    }
}
return broken ? 1 : 0;
