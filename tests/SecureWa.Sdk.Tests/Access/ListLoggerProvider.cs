using Microsoft.Extensions.Logging;

namespace SecureWa.Sdk.Tests.Access;

/// <summary>Captures every formatted log line (and the exception text) into a list; thread-safe.</summary>
internal sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(List<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{category} {logLevel} {formatter(state, exception)} {exception}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " " + string.Join(" ", values.Select(v => v.Key + "=" + v.Value));
            }

            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
