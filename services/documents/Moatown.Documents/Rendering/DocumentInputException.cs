namespace Moatown.Documents.Rendering;

/// <summary>
/// Input a document cannot be made from. Each subtype is one problem the API answers with its own
/// problem details (400), so callers catch this type and not PDFsharp's exceptions.
/// </summary>
public abstract class DocumentInputException(string message, string? paramName) : ArgumentException(message, paramName)
{
    /// <summary>A stable machine-readable name for the problem type.</summary>
    public abstract string Problem { get; }
}

/// <summary>The signature has neither strokes nor an image, or its strokes or image are unusable.</summary>
public sealed class SignatureArtworkException(string message)
    : DocumentInputException(message, "signature")
{
    public override string Problem => "signature-invalid";
}

/// <summary>The agreements given do not match the form's statutory items (count, or items for a withdrawal).</summary>
public sealed class ItemAgreementsException(string message)
    : DocumentInputException(message, "itemAgreements")
{
    public override string Problem => "item-agreements-mismatch";
}

/// <summary>The form PDF is not one this service rendered, or the form content cannot be rendered.</summary>
public sealed class ConsentFormInputException(string message, string paramName)
    : DocumentInputException(message, paramName)
{
    public override string Problem => "consent-form-invalid";
}
