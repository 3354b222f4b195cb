using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Storage;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// Migrates the store on start (a failure stops the host: the trail fails closed), then on <see cref="TimeProvider"/>
/// purges expired records every <see cref="AuditOptions.PurgeInterval"/> and checkpoints every
/// <see cref="AuditOptions.CheckpointInterval"/>; a last checkpoint on stop.
/// </summary>
internal sealed partial class AuditHostedService(ISecureWaStore store, AuditTrail trail, TimeProvider timeProvider, ILogger<AuditHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _purge;
    private Task? _checkpoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        _purge = LoopAsync(trail.Options.PurgeInterval, static t => t.PurgeExpiredAsync(), "purge", runFirst: true);
        _checkpoint = LoopAsync(trail.Options.CheckpointInterval, static t => t.CheckpointAsync(), "checkpoint", runFirst: false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _purge, _checkpoint })
        {
            if (task is not null)
            {
                await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            await trail.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WhatsAppAuditUnavailableException or OperationCanceledException)
        {
            LogFailed(logger, "checkpoint", ex.GetType().Name);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync(TimeSpan interval, Func<AuditTrail, Task> work, string name, bool runFirst)
    {
        var token = _stopping.Token;
        if (!runFirst)
        {
            if (!await DelayAsync(interval, token).ConfigureAwait(false))
            {
                return;
            }
        }

        while (!token.IsCancellationRequested)
        {
            try
            {
                await work(trail).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogFailed(logger, name, ex.GetType().Name);
            }

            if (!await DelayAsync(interval, token).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan interval, CancellationToken token)
    {
        try
        {
            await Task.Delay(interval, timeProvider, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Error, Message = "Audit background {Work} failed ({ExceptionType}); retried on the next interval")]
    private static partial void LogFailed(ILogger logger, string work, string exceptionType);
}
