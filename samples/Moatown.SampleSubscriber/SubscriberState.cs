using System.Text.Json;

namespace Moatown.SampleSubscriber;

/// <summary>
/// The subscriber's own small store: every event id it has handled, each campaign's last sequence
/// and the backfill cursor. A real system keeps these in its own database, in the same transaction
/// as what it does with the event.
/// </summary>
public sealed class SubscriberState
{
    private readonly object _gate = new();
    private readonly string? _file;
    private Snapshot _state = new([], [], null);

    public SubscriberState(string? file = null)
    {
        _file = file;
        if (file is not null && File.Exists(file))
        {
            _state = JsonSerializer.Deserialize<Snapshot>(File.ReadAllText(file)) ?? _state;
        }
    }

    public string? Cursor
    {
        get { lock (_gate) { return _state.Cursor; } }
    }

    public bool HasSeen(string id)
    {
        lock (_gate) { return _state.Seen.Contains(id); }
    }

    public long LastSequence(Guid campaignId)
    {
        lock (_gate) { return _state.Last.GetValueOrDefault(campaignId); }
    }

    public void Record(PublicEvent e)
    {
        lock (_gate)
        {
            _state.Seen.Add(e.Id);
            _state.Last[e.CampaignId] = e.Sequence;
        }
    }

    public void MoveCursor(string cursor)
    {
        lock (_gate) { _state = _state with { Cursor = cursor }; }
        Save();
    }

    public void Save()
    {
        if (_file is null)
        {
            return;
        }
        string json;
        lock (_gate) { json = JsonSerializer.Serialize(_state); }
        File.WriteAllText(_file + ".tmp", json);
        File.Move(_file + ".tmp", _file, overwrite: true);
    }

    private sealed record Snapshot(HashSet<string> Seen, Dictionary<Guid, long> Last, string? Cursor);
}
