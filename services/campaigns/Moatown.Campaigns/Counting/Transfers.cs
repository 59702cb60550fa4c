namespace Moatown.Campaigns.Counting;

/// <summary>
/// Rule 16, when a new roll version replaces the previous one: who is deemed to have consented,
/// and who left the roll.
/// </summary>
public static class Transfers
{
    /// <summary>
    /// Compares the holders of each property (matched by property_id) present in both rolls.
    /// Holders no longer on a property are its replaced holders; holders new to it are its new
    /// holders. When a property has both and every replaced holder consents in
    /// <paramref name="stateAtImport"/>, each new holder who does not already consent is deemed
    /// to consent at <paramref name="at"/>. A holder whose share merely changed is not replaced.
    /// </summary>
    /// <param name="stateAtImport">The consent state at the moment the new version is imported, before the deemed consents.</param>
    /// <param name="at">The import time: the time of the deemed consents.</param>
    public static TransferResult Between(CountedRoll previous, CountedRoll next, ConsentState stateAtImport, DateTimeOffset at)
    {
        var deemed = new Dictionary<RollHolder, (List<string> Properties, List<RollHolder> Replaced)>();
        var order = new List<RollHolder>();
        foreach (var property in next.Units.SelectMany(u => u.Properties))
        {
            if (previous.FindProperty(property.PropertyId) is not { } before) continue;
            var keysBefore = before.Holdings.Select(h => h.Holder.Key).ToHashSet();
            var keysNow = property.Holdings.Select(h => h.Holder.Key).ToHashSet();
            var replaced = before.Holdings.Select(h => h.Holder).Where(h => !keysNow.Contains(h.Key)).ToList();
            var arrived = property.Holdings.Select(h => h.Holder).Where(h => !keysBefore.Contains(h.Key)).ToList();
            if (replaced.Count == 0 || arrived.Count == 0) continue;
            if (!replaced.All(h => stateAtImport.Consents(h.Key))) continue;

            // Someone already consenting keeps their own consent and its source.
            foreach (var holder in arrived.Where(h => !stateAtImport.Consents(h.Key)))
            {
                if (!deemed.TryGetValue(holder, out var entry))
                {
                    deemed.Add(holder, entry = ([], []));
                    order.Add(holder);
                }
                entry.Properties.Add(property.PropertyId);
                entry.Replaced.AddRange(replaced.Where(r => !entry.Replaced.Any(e => e.Key == r.Key)));
            }
        }

        var nowOnRoll = next.Holders.Select(h => h.Key).ToHashSet();
        return new TransferResult(
            order.Select(h => new DeemedConsent(h, deemed[h].Properties, deemed[h].Replaced,
                ConsentAction.Consent(h.Key, ConsentSource.DeemedByTransfer, at))).ToArray(),
            previous.Holders.Where(h => !nowOnRoll.Contains(h.Key)).ToArray());
    }
}

/// <param name="Deemed">One per new holder, however many properties they took over (one consent covers them all, rule 12).</param>
/// <param name="LeftRoll">
/// Holders of the previous version who are on no property of the new one: they stop counting
/// because the new roll's count no longer asks them; their history stays.
/// </param>
public sealed record TransferResult(IReadOnlyList<DeemedConsent> Deemed, IReadOnlyList<RollHolder> LeftRoll)
{
    /// <summary>The deemed consents, to record in the history and apply to the new roll's count.</summary>
    public IEnumerable<ConsentAction> Actions => Deemed.Select(d => d.Action);
}

/// <param name="Holder">The new holder, as on the new roll.</param>
/// <param name="PropertyIds">The properties they took over from consenting holders.</param>
/// <param name="Replaced">The holders they replaced, as on the previous roll; all were consenting.</param>
public sealed record DeemedConsent(RollHolder Holder, IReadOnlyList<string> PropertyIds, IReadOnlyList<RollHolder> Replaced, ConsentAction Action);
