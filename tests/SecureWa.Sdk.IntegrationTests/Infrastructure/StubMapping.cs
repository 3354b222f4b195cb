namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A WireMock stub mapping: a request pattern, a response, and optional priority and scenario state.</summary>
public sealed class StubMapping
{
    /// <summary>The mapping id; WireMock assigns one when unset.</summary>
    public Guid? Id { get; init; }

    /// <summary>What the stub matches.</summary>
    public RequestPattern Request { get; init; } = new();

    /// <summary>What the stub answers.</summary>
    public ResponseDefinition Response { get; init; } = new();

    /// <summary>Lower wins when several stubs match (1 is highest). WireMock's default is 5.</summary>
    public int? Priority { get; init; }

    /// <summary>The scenario (state machine) this stub belongs to.</summary>
    public string? ScenarioName { get; init; }

    /// <summary>The scenario state in which this stub matches; scenarios start in <see cref="ScenarioStarted"/>.</summary>
    public string? RequiredScenarioState { get; init; }

    /// <summary>The scenario state after this stub served a request.</summary>
    public string? NewScenarioState { get; init; }

    /// <summary>The initial state of every scenario.</summary>
    public const string ScenarioStarted = "Started";
}
