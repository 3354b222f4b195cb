using System.Collections.Concurrent;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>What the harness keeps next to WireMock.Net: the request journal, scenario states and stub order.</summary>
internal sealed class HarnessState
{
    private readonly Lock _journalLock = new();
    private readonly List<LoggedRequest> _journal = [];
    private readonly ConcurrentDictionary<string, string> _scenarios = new(StringComparer.Ordinal);
    private long _requestSequence;
    private int _stubOrder;

    /// <summary>Appends a request to the journal.</summary>
    public void Journal(LoggedRequest request)
    {
        lock (_journalLock)
        {
            _journal.Add(request);
        }
    }

    /// <summary>The journal, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Requests()
    {
        lock (_journalLock)
        {
            return _journal.OrderBy(r => r.Sequence).ToList();
        }
    }

    /// <summary>Empties the journal.</summary>
    public void ClearJournal()
    {
        lock (_journalLock)
        {
            _journal.Clear();
        }
    }

    /// <summary>The next arrival number.</summary>
    public long NextRequestSequence() => Interlocked.Increment(ref _requestSequence);

    /// <summary>The next stub number since the last reset (later stubs win ties, as in Java WireMock).</summary>
    public int NextStubOrder() => Interlocked.Increment(ref _stubOrder);

    /// <summary>Starts stub numbering again (after all stubs were removed).</summary>
    public void ResetStubOrder() => Interlocked.Exchange(ref _stubOrder, 0);

    /// <summary>The scenario's state; every scenario starts in <see cref="StubMapping.ScenarioStarted"/>.</summary>
    public string ScenarioState(string scenario) => _scenarios.TryGetValue(scenario, out var state) ? state : StubMapping.ScenarioStarted;

    /// <summary>Moves a scenario to <paramref name="state"/>.</summary>
    public void SetScenarioState(string scenario, string state) => _scenarios[scenario] = state;

    /// <summary>Puts every scenario back in <see cref="StubMapping.ScenarioStarted"/>.</summary>
    public void ResetScenarios() => _scenarios.Clear();
}
