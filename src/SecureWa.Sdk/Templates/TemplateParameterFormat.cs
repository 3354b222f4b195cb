namespace SecureWa.Sdk.Templates;

/// <summary>How a template's variables are written (<c>parameter_format</c>).</summary>
public enum TemplateParameterFormat
{
    /// <summary><c>POSITIONAL</c>: numbered variables <c>{{1}}</c>, <c>{{2}}</c>, … (the API's default).</summary>
    Positional = 0,

    /// <summary><c>NAMED</c>: named variables such as <c>{{first_name}}</c> (lowercase letters, digits and underscores).</summary>
    Named,
}
