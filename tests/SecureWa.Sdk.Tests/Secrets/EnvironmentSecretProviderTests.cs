using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Secrets;

public class EnvironmentSecretProviderTests
{
    // Each test uses its own variable name, so parallel tests never see each other's environment.
    private static string UniqueVariable() => "SECUREWA_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    [Fact]
    public async Task GetSecretAsync_MissingVariable_ThrowsNotFoundNamingSecretAndVariable()
    {
        var variable = UniqueVariable();
        var provider = new EnvironmentSecretProvider([new(SecretNames.AccessToken, variable)]);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
        Assert.False(provider.CanProvide(SecretNames.AccessToken));
    }

    [Theory]
    [InlineData(" ", "empty")]
    [InlineData("EAAG-padded ", "white space")]
    [InlineData("\tEAAG-padded", "white space")]
    public async Task GetSecretAsync_EmptyOrPaddedVariable_ThrowsWithoutValue(string value, string expected)
    {
        var variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var provider = new EnvironmentSecretProvider([new(SecretNames.AccessToken, variable)]);

            var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

            Assert.IsNotType<SecretNotFoundException>(ex);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
            Assert.Contains("'AccessToken'", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("padded", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task GetSecretAsync_SetVariable_ReadsItAndCanProvide()
    {
        var variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, "EAAG-env");
        try
        {
            var provider = new EnvironmentSecretProvider([new(SecretNames.AccessToken, variable)]);

            Assert.True(provider.CanProvide(SecretNames.AccessToken));
            Assert.Equal("EAAG-env", (await provider.GetSecretAsync(SecretNames.AccessToken)).Reveal());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void CanProvide_UnmappedName_False()
    {
        Assert.False(new EnvironmentSecretProvider().CanProvide("SomethingElse"));
    }
}
