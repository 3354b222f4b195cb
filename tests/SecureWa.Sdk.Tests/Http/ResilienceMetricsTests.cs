using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public sealed class ResilienceMetricsTests
{
    [Fact]
    public async Task RetriesAndRejections_AreCountedWithOperationAndReasonButNoPhoneNumbers()
    {
        var measurements = new ConcurrentBag<(string Instrument, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SecureWaDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measurements.Add((instrument.Name, tags.ToArray())));
        listener.Start();

        var options = new WhatsAppClientOptions { PhoneNumberId = "5550123456" };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.RateLimiting.RecipientBurst = 1;
        options.RateLimiting.RecipientInterval = TimeSpan.FromHours(1);
        options.RateLimiting.MaxWait = TimeSpan.Zero;
        var terminal = new ScriptedHandler().Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK);
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        var rateLimiting = new RateLimitingHandler(registry, options, NullLogger.Instance) { InnerHandler = terminal };
        using var invoker = new HttpMessageInvoker(new ResilienceHandler(new ResiliencePipelines(options.Resilience, TimeProvider.System, NullLogger.Instance), NullLogger.Instance) { InnerHandler = rateLimiting });

        using (await invoker.SendAsync(Tagged(WhatsAppOperationKind.Query, null), default))
        {
        }

        using (await invoker.SendAsync(Tagged(WhatsAppOperationKind.SendMessage, "+447700900123"), default))
        {
        }

        await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendAsync(Tagged(WhatsAppOperationKind.SendMessage, "+447700900123"), default));

        Assert.Contains(measurements, m => m.Instrument == "securewa.resilience.retries" && HasTag(m.Tags, "operation", "Query") && HasTag(m.Tags, "reason", "server_error"));
        Assert.Contains(measurements, m => m.Instrument == "securewa.ratelimit.rejections" && HasTag(m.Tags, "scope", "recipient") && HasTag(m.Tags, "reason", "max_wait"));
        Assert.DoesNotContain(measurements, m => m.Tags.Any(t => t.Value?.ToString() is { } v && (v.Contains("5550123456", StringComparison.Ordinal) || v.Contains("7700900123", StringComparison.Ordinal))));

        static HttpRequestMessage Tagged(WhatsAppOperationKind operation, string? recipient)
        {
            var request = new HttpRequestMessage(operation == WhatsAppOperationKind.Query ? HttpMethod.Get : HttpMethod.Post, "https://graph.example/v23.0/x");
            request.Options.Set(WhatsAppRequestOptions.Operation, operation);
            request.Options.Set(WhatsAppRequestOptions.PhoneNumberId, "5550123456");
            if (recipient is not null)
            {
                request.Options.Set(WhatsAppRequestOptions.Recipient, recipient);
            }

            return request;
        }

        static bool HasTag(KeyValuePair<string, object?>[] tags, string name, string value) =>
            tags.Any(t => t.Key == name && Equals(t.Value, value));
    }
}
