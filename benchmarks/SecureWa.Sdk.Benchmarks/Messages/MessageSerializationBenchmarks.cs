using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SecureWa.Sdk.Benchmarks.Infrastructure;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Benchmarks.Messages;

/// <summary>
/// Turning a public <see cref="WhatsAppMessage"/> into the wire JSON, per message kind, with the source-generated
/// <see cref="MessagesJsonContext"/>. Baseline: serializing the already mapped wire DTO (the serializer alone).
/// Compared: mapping + serializing, and the path <c>MessagesClient.SendAsync</c> takes (validate, map, serialize).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MessageSerializationBenchmarks
{
    private WhatsAppMessage _message = null!;
    private MessageRequest _request = null!;

    [ParamsAllValues]
    public MessageKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = SampleMessages.Create(Kind);
        MessageValidator.Validate(_message);
        _request = MessageMapper.ToRequest(_message);
        if (!ValidateMapAndSerialize().AsSpan().SequenceEqual(SerializeDto()))
        {
            throw new InvalidOperationException("The paths do not write the same JSON.");
        }
    }

    [Benchmark(Baseline = true, Description = "Serialize mapped DTO")]
    public byte[] SerializeDto() => JsonSerializer.SerializeToUtf8Bytes(_request, MessagesJsonContext.Wire.MessageRequest);

    [Benchmark(Description = "Map + serialize")]
    public byte[] MapAndSerialize() => JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(_message), MessagesJsonContext.Wire.MessageRequest);

    [Benchmark(Description = "Validate + map + serialize (SendAsync path)")]
    public byte[] ValidateMapAndSerialize()
    {
        MessageValidator.Validate(_message);
        return JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(_message), MessagesJsonContext.Wire.MessageRequest);
    }

    /// <summary>The shared configuration plus the JSON size of each kind.</summary>
    private sealed class Config : SecureWaBenchmarkConfig
    {
        public Config()
        {
            AddColumn(new PayloadBytesColumn(static c => JsonBytes(c), "JSON B"));
        }

        private static long? JsonBytes(BenchmarkDotNet.Running.BenchmarkCase benchmarkCase)
        {
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                if (parameter.Value is MessageKind kind)
                {
                    return JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(SampleMessages.Create(kind)), MessagesJsonContext.Wire.MessageRequest).Length;
                }
            }

            return null;
        }
    }
}
