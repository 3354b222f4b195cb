using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureWa.Sdk.Tokens.Internal;

/// <summary>The hosted periodic check: once at start, then every <see cref="TokenHealthOptions.CheckInterval"/> on the <see cref="TimeProvider"/>.</summary>
internal sealed partial class TokenHealthMonitor(TokenHealth health, TimeProvider timeProvider, ILogger<TokenHealthMonitor>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Do not hold up host start with the first call.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await health.CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The periodic check keeps running whatever one check does.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCheckCrashed(_logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(health.Options.CheckInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1701, Level = LogLevel.Error, Message = "The periodic access token health check failed: {ExceptionType}")]
    private static partial void LogCheckCrashed(ILogger logger, string exceptionType);
}
