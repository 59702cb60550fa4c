namespace Moatown.Notifications.Templates;

/// <summary>A message could not be rendered; the reason names placeholders, never their values.</summary>
public sealed class TemplateRenderException(string templateKey, string reason)
    : Exception($"Template {templateKey}: {reason}.")
{
    public string TemplateKey { get; } = templateKey;
}
