using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// Reads a device list file (<c>Monitoring:DevicesFile</c>, <c>Simulator:DevicesFile</c>): a JSON array of entries with
/// the same fields as the configuration section's list elements, names matched as the configuration binder matches them
/// (case-insensitive, enums by name), comments and trailing commas allowed. Each entry keeps the line it starts on, so a
/// check can name it. Messages never quote values (the file holds communities and passwords), only lines and field paths.
/// Thousands of devices take milliseconds, where binding as many list elements from configuration grows with the square.
/// </summary>
internal static class DeviceFile
{
    /// <param name="path">The file, already resolved to a full path.</param>
    /// <param name="key">The configuration key that named it (used in messages).</param>
    /// <param name="allowUnknownFields">False: an unknown field is a problem (a misspelt <c>Comunity</c> must not pass unseen).</param>
    public static DeviceFileContent<T> Read<T>(string path, string key, bool allowUnknownFields)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DeviceFileContent<T>.Failed($"{key} '{path}' cannot be read: {e.Message}");
        }

        return Parse<T>(bytes, key, allowUnknownFields);
    }

    public static DeviceFileContent<T> Parse<T>(ReadOnlySpan<byte> json, string key, bool allowUnknownFields)
    {
        var options = allowUnknownFields ? Lenient : Strict;
        var entries = new List<DeviceFileEntry<T>>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var lines = new LineCounter(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return DeviceFileContent<T>.Failed($"{key} line {lines.LineOf(reader.TokenStartIndex)}: the file must be a JSON array of devices ([ {{ \"Id\": … }}, … ])");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineOf(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return DeviceFileContent<T>.Failed($"{key} line {line}: every entry must be a JSON object");
                }

                try
                {
                    var device = JsonSerializer.Deserialize<T>(ref reader, options)
                        ?? throw new JsonException("the entry is null");
                    entries.Add(new DeviceFileEntry<T>(line, device));
                }
                catch (JsonException e)
                {
                    return DeviceFileContent<T>.Failed($"{key} line {line}: {Describe(e)}");
                }
            }

            return new DeviceFileContent<T>(entries, []);
        }
        catch (JsonException e)
        {
            return DeviceFileContent<T>.Failed($"{key} line {lines.LineOf(reader.TokenStartIndex)}: not valid JSON ({Describe(e)})");
        }
    }

    // The serializer's message without its own position (relative to the entry, not the file) and never a value.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        message = (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
        return e.Path is { Length: > 1 } path ? $"{message} (at {path})" : message;
    }

    private static readonly JsonSerializerOptions Strict = Create(JsonUnmappedMemberHandling.Disallow);

    private static readonly JsonSerializerOptions Lenient = Create(JsonUnmappedMemberHandling.Skip);

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped) => new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = unmapped,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Counts line breaks up to a byte offset, going forward only (entries come in order).</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private long _offset;
        private int _line = 1;

        public int LineOf(long offset)
        {
            if (offset > _offset)
            {
                var end = (int)Math.Min(offset, _text.Length);
                _line += _text[(int)_offset..end].Count((byte)'\n');
                _offset = end;
            }

            return _line;
        }
    }
}
