namespace Moatown.Documents.Rendering;

/// <summary>The checks both renderings make first, so a bad form fails the same way as PDF and as HTML.</summary>
internal static class FormValidation
{
    public static void Check(ConsentFormContent form, OwnerParticulars owner)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(owner);
        if (string.IsNullOrWhiteSpace(form.Title) || string.IsNullOrWhiteSpace(form.Body))
        {
            throw new ConsentFormInputException("The consent form needs a title and a body.", nameof(form));
        }
        if (form.StatutoryItems is not { Count: > 0 } || form.StatutoryItems.Any(string.IsNullOrWhiteSpace))
        {
            throw new ConsentFormInputException("The consent form needs at least one statutory item, none of them blank.", nameof(form));
        }
        if (form.FormVersion < 1)
        {
            throw new ConsentFormInputException("The form version starts at 1.", nameof(form));
        }
        if (string.IsNullOrWhiteSpace(owner.OwnerName) || owner.Properties is not { Count: > 0 })
        {
            // Only the rule is told: the message may be logged, the name must not be.
            throw new ConsentFormInputException("The owner needs a name and at least one property.", nameof(owner));
        }
        foreach (var property in owner.Properties)
        {
            _ = PropertyKinds.Korean(property.Kind);
        }
    }
}
