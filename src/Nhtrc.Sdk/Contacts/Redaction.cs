namespace Nhtrc.Sdk.Contacts;

/// <summary>The text that stands in for personal data wherever it would otherwise be shown.</summary>
public static class Redaction
{
    /// <summary>
    /// <c>[redacted]</c>: what <see cref="Sensitive{T}.ToString()"/> returns and what
    /// <see cref="ContactJson.SerializeRedacted"/> writes in place of each personal-data value.
    /// </summary>
    public const string Placeholder = "[redacted]";
}
