using System.Text;
using System.Text.Json;

namespace SecureWa.Sdk.TestSupport;

/// <summary>
/// Deterministic mutations of webhook bodies for fuzz tests: JSON-aware (a value replaced by null, an empty container, a
/// number, a string, a null-element array; a member dropped; an element duplicated) and byte-level (a byte flipped,
/// deleted or inserted). The same seed gives the same sequence of bodies.
/// </summary>
internal sealed class WebhookBodyMutator
{
    private static readonly string[] Replacements =
    [
        "null", "[]", "{}", "[null]", "[null,null]", "0", "-1", "1e400", "-9223372036854775809", "99999999999999999999",
        "\"\"", "\"x\"", "true", "false", "[{}]", "[[]]", "{\"a\":null}", "\"\\u0000\"", "\"\\ud800\"",
        "\"99999999999999999999\"", "\"-1\"", "\"1.5\"", "[0]", "[\"x\"]",
    ];

    private readonly Random _random;
    private readonly byte[][] _seeds;
    private readonly List<(int Start, int End)>[] _values;

    public WebhookBodyMutator(int seed, IEnumerable<string> seedBodies)
    {
        _random = new Random(seed);
        _seeds = seedBodies.Select(static b => Encoding.UTF8.GetBytes(b)).ToArray();
        _values = _seeds.Select(FindValues).ToArray();
    }

    /// <summary>The next mutated body (one to three mutations of a seed body).</summary>
    public byte[] Next()
    {
        var index = _random.Next(_seeds.Length);
        var body = _seeds[index];
        var values = _values[index];
        var rounds = 1 + _random.Next(3);
        for (var round = 0; round < rounds; round++)
        {
            body = _random.Next(10) switch
            {
                < 6 => ReplaceValue(body, values),
                6 => DuplicateValue(body, values),
                7 => Flip(body),
                8 => Delete(body),
                _ => Insert(body),
            };

            // After the first mutation the value positions of the seed no longer apply.
            values = FindValues(body);
        }

        return body;
    }

    private byte[] ReplaceValue(byte[] body, List<(int Start, int End)> values)
    {
        if (values.Count == 0)
        {
            return Flip(body);
        }

        var (start, end) = values[_random.Next(values.Count)];
        var replacement = Encoding.UTF8.GetBytes(Replacements[_random.Next(Replacements.Length)]);
        return [.. body.AsSpan(0, start), .. replacement, .. body.AsSpan(end)];
    }

    private byte[] DuplicateValue(byte[] body, List<(int Start, int End)> values)
    {
        // Inside an array, "x" becomes "x,x"; elsewhere the result is usually malformed, which is also worth trying.
        if (values.Count == 0)
        {
            return Flip(body);
        }

        var (start, end) = values[_random.Next(values.Count)];
        return [.. body.AsSpan(0, end), (byte)',', .. body.AsSpan(start, end - start), .. body.AsSpan(end)];
    }

    private byte[] Flip(byte[] body)
    {
        const string Bytes = "{}[],:\"0a\\ -";
        if (body.Length == 0)
        {
            return [(byte)Bytes[_random.Next(Bytes.Length)]];
        }

        var copy = (byte[])body.Clone();
        copy[_random.Next(copy.Length)] = (byte)Bytes[_random.Next(Bytes.Length)];
        return copy;
    }

    private byte[] Delete(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var at = _random.Next(body.Length);
        var count = Math.Min(1 + _random.Next(8), body.Length - at);
        return [.. body.AsSpan(0, at), .. body.AsSpan(at + count)];
    }

    private byte[] Insert(byte[] body)
    {
        var at = _random.Next(body.Length + 1);
        var insert = Encoding.UTF8.GetBytes(Replacements[_random.Next(Replacements.Length)]);
        return [.. body.AsSpan(0, at), .. insert, .. body.AsSpan(at)];
    }

    private static List<(int Start, int End)> FindValues(byte[] body)
    {
        // Positions of every value (scalars and whole containers), found with the reader; empty for invalid JSON.
        var values = new List<(int Start, int End)>();
        var starts = new Stack<int>();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        starts.Push((int)reader.TokenStartIndex);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        values.Add((starts.Pop(), (int)reader.BytesConsumed));
                        break;
                    case JsonTokenType.PropertyName:
                    case JsonTokenType.Comment:
                    case JsonTokenType.None:
                        break;
                    default:
                        values.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            values.Clear();
        }

        return values;
    }
}
