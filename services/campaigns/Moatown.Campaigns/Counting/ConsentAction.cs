using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

public enum ConsentSource
{
    Electronic,
    Paper,

    /// <summary>Deemed by transfer (rule 16): the new holder of a unit whose every replaced holder consented.</summary>
    DeemedByTransfer,
}

public enum ConsentActionKind
{
    Consent,
    Withdrawal,
}

/// <summary>
/// One entry of a holder's consent history: a consent or a withdrawal, by a person (their
/// HolderKey) or a managing authority (its HolderKey too). History is kept by the caller; the
/// count only needs each holder's latest action (rule 17).
/// </summary>
public sealed record ConsentAction(HolderKey Holder, ConsentActionKind Kind, ConsentSource Source, DateTimeOffset At)
{
    public static ConsentAction Consent(HolderKey holder, ConsentSource source, DateTimeOffset at) =>
        new(holder, ConsentActionKind.Consent, source, at);

    /// <summary>A withdrawal is made electronically or on paper, whatever the consent it withdraws.</summary>
    public static ConsentAction Withdrawal(HolderKey holder, ConsentSource source, DateTimeOffset at) =>
        source == ConsentSource.DeemedByTransfer
            ? throw new ArgumentException("A withdrawal is made by its holder, electronically or on paper; it is never deemed.", nameof(source))
            : new(holder, ConsentActionKind.Withdrawal, source, at);
}

/// <summary>A holder's standing now: their latest action.</summary>
public readonly record struct HolderConsent(ConsentActionKind LastAction, ConsentSource Source, DateTimeOffset At)
{
    public bool Consents => LastAction == ConsentActionKind.Consent;
    public bool Withdrawn => LastAction == ConsentActionKind.Withdrawal;
}
