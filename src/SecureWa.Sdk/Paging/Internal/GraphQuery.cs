using System.Text;

namespace SecureWa.Sdk.Paging.Internal;

/// <summary>Builds a query string with every name and value escaped. Never put a secret in one: URLs get logged.</summary>
internal sealed class GraphQuery
{
    private readonly StringBuilder _builder = new();

    /// <summary>Adds <c>name=value</c> when <paramref name="value"/> is not empty.</summary>
    public GraphQuery Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _builder.Append(_builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds <c>name=value</c> when <paramref name="value"/> is set.</summary>
    public GraphQuery Add(string name, int? value) =>
        value is { } v ? Add(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

    /// <summary>A copy, so a base query can be extended per page.</summary>
    public GraphQuery Clone()
    {
        var copy = new GraphQuery();
        copy._builder.Append(_builder);
        return copy;
    }

    /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
    public override string ToString() => _builder.ToString();
}
