using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecureWa.Sdk.IntegrationTests.Http;

/// <summary>Keeps every log line (formatted message, structured values and exception text) at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text += " | " + string.Join(", ", values.Select(static v => v.Key + "=" + v.Value));
            }

            if (exception is not null)
            {
                text += " | " + exception;
            }

            owner.Entries.Enqueue((category, logLevel, eventId, text));
        }
    }
}
