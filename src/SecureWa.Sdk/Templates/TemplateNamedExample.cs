namespace SecureWa.Sdk.Templates;

/// <summary>An example value of a named variable (<c>{"param_name":"…","example":"…"}</c>).</summary>
/// <param name="Name">The variable's name, as in <c>{{first_name}}</c>.</param>
/// <param name="Example">The example value reviewers see.</param>
public sealed record TemplateNamedExample(string Name, string Example);
