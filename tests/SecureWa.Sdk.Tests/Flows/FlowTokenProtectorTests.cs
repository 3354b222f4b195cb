using Microsoft.Extensions.Options;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Flows;

public sealed class FlowTokenProtectorTests
{
    private const string Key = "flow-token-key-0123456789abcdef-0123456789";
    private const string OtherKey = "another-flow-token-key-9876543210-fedcba987";

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemorySecretProvider _secrets = new();

    public FlowTokenProtectorTests()
    {
        _secrets.Set(FlowSecretNames.FlowTokenKey, Key);
    }

    [Fact]
    public async Task ValidateAsync_FreshToken_IsValidWithSubjectAndExpiry()
    {
        var protector = Create();
        var token = await protector.CreateAsync("order-42");

        var result = await protector.ValidateAsync(token);

        Assert.Equal(FlowTokenValidationStatus.Valid, result.Status);
        Assert.Equal("order-42", result.Subject);
        Assert.Equal(_clock.GetUtcNow().AddHours(24), result.ExpiresAt);
        Assert.DoesNotContain("order-42", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SameSubjectTwice_GivesDifferentTokens()
    {
        var protector = Create();

        Assert.NotEqual(await protector.CreateAsync("order-42"), await protector.CreateAsync("order-42"));
    }

    [Fact]
    public async Task ValidateAsync_AfterLifetimeAndSkew_IsExpired()
    {
        var protector = Create();
        var token = await protector.CreateAsync("order-42");

        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(30));
        Assert.True((await protector.ValidateAsync(token)).IsValid);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(FlowTokenValidationStatus.Expired, (await protector.ValidateAsync(token)).Status);
    }

    [Fact]
    public async Task ValidateAsync_AlteredPayload_IsBadSignature()
    {
        var protector = Create();
        var token = await protector.CreateAsync("order-42");
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[^1] = payload[^1] == 'A' ? 'B' : 'A';

        var result = await protector.ValidateAsync(parts[0] + "." + new string(payload) + "." + parts[2]);

        Assert.True(result.Status is FlowTokenValidationStatus.BadSignature or FlowTokenValidationStatus.Malformed);
        Assert.Null(result.Subject);
    }

    [Fact]
    public async Task ValidateAsync_SignedWithAnotherKey_IsBadSignature()
    {
        var foreign = new InMemorySecretProvider();
        foreign.Set(FlowSecretNames.FlowTokenKey, OtherKey);
        var token = await new FlowTokenProtector(foreign, Options.Create(new FlowTokenOptions()), _clock).CreateAsync("order-42");

        Assert.Equal(FlowTokenValidationStatus.BadSignature, (await Create().ValidateAsync(token)).Status);
    }

    [Fact]
    public async Task ValidateAsync_TokenOfPreviousKeyDuringRotation_IsValid()
    {
        var token = await Create().CreateAsync("order-42");
        _secrets.Set(FlowSecretNames.FlowTokenKey, OtherKey);
        _secrets.Set("FlowTokenKeyPrevious", Key);

        var withoutPrevious = await Create().ValidateAsync(token);
        var withPrevious = await Create(o => o.PreviousKeySecretName = "FlowTokenKeyPrevious").ValidateAsync(token);

        Assert.Equal(FlowTokenValidationStatus.BadSignature, withoutPrevious.Status);
        Assert.True(withPrevious.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("order-42")]
    [InlineData("v1.")]
    [InlineData("v1.AAAA")]
    [InlineData("v1.AAAA.BBBB.CCCC")]
    [InlineData("v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ValidateAsync_NotOurFormat_IsMalformed(string? token)
    {
        Assert.Equal(FlowTokenValidationStatus.Malformed, (await Create().ValidateAsync(token)).Status);
    }

    [Fact]
    public async Task CreateAsync_ShortKey_ThrowsWithoutTheKey()
    {
        _secrets.Set(FlowSecretNames.FlowTokenKey, "short-key");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Create().CreateAsync("order-42").AsTask());

        Assert.DoesNotContain("short-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SubjectOverLimit_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Create().CreateAsync(new string('x', FlowTokenProtector.MaxSubjectBytes + 1)).AsTask());
    }

    private FlowTokenProtector Create(Action<FlowTokenOptions>? configure = null)
    {
        var options = new FlowTokenOptions();
        configure?.Invoke(options);
        return new FlowTokenProtector(_secrets, Options.Create(options), _clock);
    }
}
