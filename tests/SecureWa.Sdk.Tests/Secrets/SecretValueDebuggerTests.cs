using System.Diagnostics;
using System.Reflection;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Secrets;

public sealed class SecretValueDebuggerTests
{
    private const string Value = "EAAG-debugger-secret-0001";

    [Fact]
    public void SecretValue_DebuggerDisplay_ShowsNoExpression()
    {
        var display = typeof(SecretValue).GetCustomAttribute<DebuggerDisplayAttribute>();

        Assert.NotNull(display);
        Assert.DoesNotContain("{", display.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretValue_EveryFieldHoldingTheValue_IsNeverBrowsable()
    {
        var secret = new SecretValue(Value);
        var fields = typeof(SecretValue).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => f.GetValue(secret) is string s && s == Value)
            .ToArray();

        Assert.NotEmpty(fields);
        Assert.All(fields, static f => Assert.Equal(DebuggerBrowsableState.Never, f.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State));
    }

    [Fact]
    public void SecretValue_DebuggerTypeProxy_ExposesNoMemberHoldingTheValue()
    {
        var proxyAttribute = typeof(SecretValue).GetCustomAttribute<DebuggerTypeProxyAttribute>();
        Assert.NotNull(proxyAttribute);
        var proxyType = Type.GetType(proxyAttribute.ProxyTypeName, throwOnError: true)!;
        var secret = new SecretValue(Value, "v1");

        var proxy = Activator.CreateInstance(proxyType, secret)!;
        var shown = proxyType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(static p => p.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State != DebuggerBrowsableState.Never)
            .Select(p => p.GetValue(proxy)?.ToString() ?? string.Empty)
            .ToArray();

        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, static s => s.Contains(Value, StringComparison.Ordinal));
        Assert.Contains("v1", shown);
    }
}
