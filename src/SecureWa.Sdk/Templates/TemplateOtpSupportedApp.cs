namespace SecureWa.Sdk.Templates;

/// <summary>An Android app that may receive a one-tap or zero-tap code (<c>{"package_name","signature_hash"}</c>).</summary>
/// <param name="PackageName">The app's package name, such as <c>com.example.shop</c> (at most 224 characters).</param>
/// <param name="SignatureHash">The app's signing key hash (11 characters).</param>
public sealed record TemplateOtpSupportedApp(string PackageName, string SignatureHash);
