using System.Globalization;
using System.Text;
using System.Text.Json;
using Exchange.Core.Domain;

namespace Exchange.Server.Script;

/// <summary>The fields of one console input line: a flat JSON object whose values are strings, numbers or
/// booleans. Reading only checks the JSON; each accessor checks that its field has the type it needs, so a
/// bad value is reported with the field's name.</summary>
internal sealed class ScriptFields
{
    private readonly List<(string Name, JsonTokenType Kind, string Text)> _fields = [];

    private ScriptFields()
    {
    }

    /// <summary>Field names in the order they appear on the line.</summary>
    public IEnumerable<string> Names => _fields.Select(f => f.Name);

    /// <summary>Reads one line; throws <see cref="ScriptLineException"/> unless it is a single flat JSON object
    /// with distinct field names.</summary>
    public static ScriptFields Read(ReadOnlySpan<byte> utf8Json)
    {
        var fields = new ScriptFields();
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ScriptLineException("expected a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                string text = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    // Numbers are kept as their exact text: prices are parsed from it without floating point.
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => throw new ScriptLineException($"field '{name}' is null (leave it out instead)"),
                    _ => throw new ScriptLineException($"field '{name}' must be a string, number or boolean"),
                };
                if (fields._fields.Exists(f => f.Name == name))
                {
                    throw new ScriptLineException($"duplicate field '{name}'");
                }
                fields._fields.Add((name, reader.TokenType, text));
            }
            // Anything after the object (a second value, garbage) makes the reader throw here.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw new ScriptLineException(
                string.Create(CultureInfo.InvariantCulture, $"invalid JSON at byte {e.BytePositionInLine ?? 0}"), e);
        }
        return fields;
    }

    public bool Has(string name) => _fields.Exists(f => f.Name == name);

    public string? String(string name)
    {
        var field = Find(name);
        return field is null ? null : field.Value.Kind == JsonTokenType.String
            ? field.Value.Text
            : throw new ScriptLineException($"field '{name}' must be a string");
    }

    public string RequiredString(string name) => String(name) ?? throw Missing(name);

    /// <summary>A whole number written as a JSON number (not a string, no fraction or exponent).</summary>
    public long? Integer(string name)
    {
        var field = Find(name);
        if (field is null)
        {
            return null;
        }
        return field.Value.Kind == JsonTokenType.Number &&
               long.TryParse(field.Value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new ScriptLineException($"field '{name}' must be an integer");
    }

    public long RequiredInteger(string name) => Integer(name) ?? throw Missing(name);

    public bool? Boolean(string name)
    {
        var field = Find(name);
        return field is null ? null : field.Value.Kind is JsonTokenType.True or JsonTokenType.False
            ? field.Value.Kind == JsonTokenType.True
            : throw new ScriptLineException($"field '{name}' must be true or false");
    }

    /// <summary>A decimal price, as a string ("100.25", recommended) or a plain JSON number, in fixed point
    /// (<see cref="Price"/>). At most eight decimals; never rounded.</summary>
    public long? Price(string name)
    {
        var field = Find(name);
        if (field is null)
        {
            return null;
        }
        return field.Value.Kind is JsonTokenType.String or JsonTokenType.Number &&
               Exchange.Core.Domain.Price.TryParse(field.Value.Text, out long value)
            ? value
            : throw new ScriptLineException($"field '{name}' must be a decimal price with at most {Exchange.Core.Domain.Price.Decimals} decimals");
    }

    /// <summary>Engine time: integer nanoseconds since the Unix epoch, or an ISO-8601 UTC string (<see cref="ScriptTime"/>).</summary>
    public long? Time(string name)
    {
        var field = Find(name);
        if (field is null)
        {
            return null;
        }
        var (kind, text) = (field.Value.Kind, field.Value.Text);
        if (kind == JsonTokenType.Number && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long nanos))
        {
            return nanos;
        }
        if (kind == JsonTokenType.String && ScriptTime.TryParseIso(text, out nanos))
        {
            return nanos;
        }
        throw new ScriptLineException(
            $"field '{name}' must be nanoseconds since the Unix epoch or an ISO-8601 UTC time like \"2026-01-02T09:30:00Z\"");
    }

    private (string Name, JsonTokenType Kind, string Text)? Find(string name)
    {
        int i = _fields.FindIndex(f => f.Name == name);
        return i < 0 ? null : _fields[i];
    }

    private static ScriptLineException Missing(string name) => new($"missing field '{name}'");
}
