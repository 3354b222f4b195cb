using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

/// <summary>Group recipients (ids, not digits) get their own pair limiting windows.</summary>
public class RecipientRateLimiterGroupKeyTests
{
    private readonly RecipientRateLimiter _limiter = new(burst: 1, TimeSpan.FromSeconds(6), queueLimit: 0, capacity: 100, new FakeTimeProvider());

    [Fact]
    public void GetKey_GroupsWithSameDigits_Differ()
    {
        // Digits alone of both ids are "12": the old digit-only key would have put them in one window.
        Assert.NotEqual(
            _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + "abc1def2"),
            _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + "xyz1uvw2"));
    }

    [Fact]
    public void GetKey_GroupWhoseDigitsAreAPhoneNumber_DiffersFromThatUser()
    {
        Assert.NotEqual(
            _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + "g16505551234"),
            _limiter.GetKey("1234567", "16505551234"));
    }

    [Fact]
    public void GetKey_SameGroup_IsStable_AndLimited()
    {
        var key = _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + "Y2FwaV9ncm91cDox");
        Assert.Equal(key, _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + "Y2FwaV9ncm91cDox"));
        Assert.Equal(TimeSpan.Zero, _limiter.TryReserve(key, TimeSpan.Zero, out _));
        Assert.Null(_limiter.TryReserve(key, TimeSpan.Zero, out _));
    }

    [Fact]
    public void GetKey_LongGroupIds_DifferingAtTheEnd_Differ()
    {
        var stem = new string('a', 250);
        Assert.NotEqual(
            _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + stem + "x"),
            _limiter.GetKey("1234567", RecipientRateLimiter.GroupKeyPrefix + stem + "y"));
    }
}
