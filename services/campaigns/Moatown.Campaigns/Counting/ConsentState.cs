using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// The current consent of every holder who ever acted in a campaign, keyed by holder (so one
/// consent covers every unit the person holds, rule 12, and paper and electronic actions of
/// one person are one standing, rule 17). Not thread-safe: one writer per campaign.
/// </summary>
public sealed class ConsentState
{
    private readonly Dictionary<HolderKey, HolderConsent> current;

    public ConsentState() => current = [];

    private ConsentState(Dictionary<HolderKey, HolderConsent> current) => this.current = current;

    /// <summary>Replays a history; actions with the same time count in the order given.</summary>
    public static ConsentState From(IEnumerable<ConsentAction> history)
    {
        var state = new ConsentState();
        foreach (var action in history) state.Apply(action);
        return state;
    }

    /// <summary>Holders with a standing (including those no longer on the roll: their history stays).</summary>
    public int Count => current.Count;

    public IEnumerable<KeyValuePair<HolderKey, HolderConsent>> Standings => current;

    /// <summary>
    /// Makes the action the holder's standing when it is their latest (rule 17: latest wins; at an
    /// equal time, the one applied last). An action older than the standing is history only and
    /// changes nothing: returns false.
    /// </summary>
    public bool Apply(ConsentAction action)
    {
        if (current.TryGetValue(action.Holder, out var standing) && action.At < standing.At) return false;
        current[action.Holder] = new HolderConsent(action.Kind, action.Source, action.At);
        return true;
    }

    public HolderConsent? Of(HolderKey holder) => current.TryGetValue(holder, out var standing) ? standing : null;

    public bool Consents(HolderKey holder) => current.TryGetValue(holder, out var standing) && standing.Consents;

    public ConsentState Copy() => new(new Dictionary<HolderKey, HolderConsent>(current));
}
