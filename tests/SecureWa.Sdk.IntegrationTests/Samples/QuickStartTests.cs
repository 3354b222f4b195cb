using SecureWa.Sdk.IntegrationTests.Infrastructure;

namespace SecureWa.Sdk.IntegrationTests.Samples;

public sealed class QuickStartTests
{
    [Fact]
    public void QuickStart_SendsTheTemplateBeforeAnyFreeFormMessage()
    {
        // To a fresh recipient Meta refuses free-form messages (131047, outside the 24-hour window): the sample must
        // open with the template, or a new user's first run stops before it.
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "QuickStart", "Program.cs"));
        var code = string.Join('\n', source.Split('\n').Where(static line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));

        var template = code.IndexOf("new TemplateMessage(", StringComparison.Ordinal);
        var text = code.IndexOf("new TextMessage(", StringComparison.Ordinal);
        var interactive = code.IndexOf("new InteractiveButtonsMessage(", StringComparison.Ordinal);

        Assert.True(template >= 0 && text >= 0 && interactive >= 0);
        Assert.True(template < text, "the template is sent after the text");
        Assert.True(template < interactive, "the template is sent after the interactive message");
        Assert.Contains("OutsideCustomerServiceWindow", code, StringComparison.Ordinal);
    }
}
