using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Profiles;

/// <summary>Reads one profile file and checks it strictly: a mistake in a point map must stop the start, not mislabel a reading.</summary>
internal static partial class ProfileParser
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly SnmpValueType[] NumericSnmpTypes =
        [SnmpValueType.Integer, SnmpValueType.Counter32, SnmpValueType.Gauge32, SnmpValueType.TimeTicks, SnmpValueType.Counter64];

    /// <param name="file">The name used in error messages (file path or resource name).</param>
    /// <param name="expectedName">The profile name the file name implies; the document must declare the same.</param>
    public static DeviceProfile Parse(string file, string expectedName, Stream json)
    {
        ProfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ProfileDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ProfileValidationException(file, null, $"not valid profile JSON at {ex.Path ?? "$"} (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new ProfileValidationException(file, null, "the file is empty.");
        }

        return Build(file, expectedName, document);
    }

    private static DeviceProfile Build(string file, string expectedName, ProfileDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Name) || !ProfileNamePattern().IsMatch(document.Name))
        {
            throw new ProfileValidationException(file, null, "'name' is required: lower-case letters, digits, '.', '-' or '_'.");
        }

        if (!string.Equals(document.Name, expectedName, StringComparison.Ordinal))
        {
            throw new ProfileValidationException(file, null, $"'name' is '{document.Name}' but the file is named for '{expectedName}'; they must match.");
        }

        var protocol = ParseEnum<DeviceProtocol>(file, null, "protocol", document.Protocol);
        var kind = ParseEnum<DeviceKind>(file, null, "kind", document.Kind);
        if (document.Points is not { Count: > 0 })
        {
            throw new ProfileValidationException(file, null, "'points' must list at least one point.");
        }

        var points = new List<ProfilePoint>(document.Points.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Points.Count; i++)
        {
            var raw = document.Points[i] ?? throw new ProfileValidationException(file, $"#{i + 1}", "the point is null.");
            if (string.IsNullOrWhiteSpace(raw.Name) || !PointNamePattern().IsMatch(raw.Name))
            {
                throw new ProfileValidationException(file, raw.Name ?? $"#{i + 1}", "'name' is required: dot-separated parts of lower-case letters, digits and '_'.");
            }

            if (!names.Add(raw.Name))
            {
                throw new ProfileValidationException(file, raw.Name, "the name is used twice.");
            }

            points.Add(protocol == DeviceProtocol.Snmp ? BuildSnmpPoint(file, raw) : BuildModbusPoint(file, raw));
        }

        return new DeviceProfile(document.Name, protocol, kind, document.Description ?? "", points) { Source = file };
    }

    private static ProfilePoint BuildSnmpPoint(string file, ProfilePointDocument raw)
    {
        var name = raw.Name!;
        if (raw.Table is not null || raw.Address is not null || raw.WordOrder is not null || raw.BitShift is not null
            || raw.BitWidth is not null || raw.GenCommSentinels is not null)
        {
            throw new ProfileValidationException(file, name, "an SNMP point takes 'oid' and 'type', not Modbus fields (table, address, wordOrder, bitShift, bitWidth, genCommSentinels).");
        }

        if (raw.Oid is null || !OidPattern().IsMatch(raw.Oid) || !OidArcsFit(raw.Oid))
        {
            throw new ProfileValidationException(file, name, $"'oid' must be a numeric OID such as 1.3.6.1.2.1.33.1.2.1.0 (got '{raw.Oid}').");
        }

        var type = ParseEnum<SnmpValueType>(file, name, "type", raw.Type);
        if (Array.IndexOf(NumericSnmpTypes, type) < 0)
        {
            throw new ProfileValidationException(file, name, $"'type' must be a numeric SNMP type ({string.Join(", ", NumericSnmpTypes)}), not {type}.");
        }

        return Common(file, raw) with { Oid = raw.Oid, SnmpType = type };
    }

    private static ProfilePoint BuildModbusPoint(string file, ProfilePointDocument raw)
    {
        var name = raw.Name!;
        if (raw.Oid is not null)
        {
            throw new ProfileValidationException(file, name, "a Modbus point takes 'table' and 'address', not 'oid'.");
        }

        var table = ParseEnum<ModbusTable>(file, name, "table", raw.Table);
        var type = ParseEnum<ModbusDataType>(file, name, "type", raw.Type);
        if (raw.Address is not { } address || address is < 0 or > ushort.MaxValue)
        {
            throw new ProfileValidationException(file, name, $"'address' must be a protocol address 0…65535 (got {raw.Address?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}).");
        }

        var wide = type is ModbusDataType.UInt32 or ModbusDataType.Int32 or ModbusDataType.Float32;
        if (wide && address == ushort.MaxValue)
        {
            throw new ProfileValidationException(file, name, "a 32-bit value needs two registers; address 65535 has no second one.");
        }

        if (raw.WordOrder is not null && !wide)
        {
            throw new ProfileValidationException(file, name, "'wordOrder' applies only to 32-bit types (UInt32, Int32, Float32).");
        }

        var wordOrder = raw.WordOrder is null ? ModbusWordOrder.HighWordFirst : ParseEnum<ModbusWordOrder>(file, name, "wordOrder", raw.WordOrder);
        var isBitTable = table is ModbusTable.Coils or ModbusTable.DiscreteInputs;
        if (isBitTable && (type != ModbusDataType.Bits || raw.BitShift is not (null or 0) || raw.BitWidth is not (null or 1)))
        {
            throw new ProfileValidationException(file, name, $"{table} hold single bits: use type Bits without bitShift/bitWidth.");
        }

        int shift = 0, width = 0;
        if (type == ModbusDataType.Bits)
        {
            shift = raw.BitShift ?? 0;
            width = raw.BitWidth ?? 1;
            if (width is < 1 or > 16 || shift is < 0 or > 15 || shift + width > 16)
            {
                throw new ProfileValidationException(file, name, $"bit field (bitShift {shift}, bitWidth {width}) must lie inside one 16-bit register.");
            }
        }
        else if (raw.BitShift is not null || raw.BitWidth is not null)
        {
            throw new ProfileValidationException(file, name, "'bitShift' and 'bitWidth' apply only to type Bits.");
        }

        return Common(file, raw) with
        {
            Table = table,
            Address = (ushort)address,
            DataType = type,
            WordOrder = wordOrder,
            BitShift = shift,
            BitWidth = width,
            GenCommSentinels = raw.GenCommSentinels ?? false,
        };
    }

    private static ProfilePoint Common(string file, ProfilePointDocument raw)
    {
        var name = raw.Name!;
        var scale = raw.Scale ?? 1;
        var offset = raw.Offset ?? 0;
        if (!double.IsFinite(scale) || scale == 0)
        {
            throw new ProfileValidationException(file, name, "'scale' must be a finite, non-zero number.");
        }

        if (!double.IsFinite(offset))
        {
            throw new ProfileValidationException(file, name, "'offset' must be a finite number.");
        }

        Dictionary<long, string>? states = null;
        if (raw.States is not null)
        {
            states = new Dictionary<long, string>(raw.States.Count);
            foreach (var (key, value) in raw.States)
            {
                if (!long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                {
                    throw new ProfileValidationException(file, name, $"state key '{key}' is not a whole number.");
                }

                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new ProfileValidationException(file, name, $"state {code} has no name.");
                }

                if (!states.TryAdd(code, value))
                {
                    throw new ProfileValidationException(file, name, $"state {code} is listed twice.");
                }
            }
        }

        return new ProfilePoint
        {
            Name = name,
            Description = raw.Description ?? "",
            Unit = string.IsNullOrWhiteSpace(raw.Unit) ? null : raw.Unit,
            Scale = scale,
            Offset = offset,
            States = states,
            IsKey = raw.Key ?? false,
        };
    }

    private static TEnum ParseEnum<TEnum>(string file, string? point, string field, string? text)
        where TEnum : struct, Enum
    {
        // Names only: "3" would otherwise parse as an enum value.
        if (text is not null && text.Length > 0 && char.IsLetter(text[0]) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        var problem = $"'{field}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (got '{text}').";
        throw new ProfileValidationException(file, point, problem);
    }

    private static bool OidArcsFit(string oid)
    {
        var arcs = oid.Split('.');
        return arcs.Length <= 128 && arcs.All(arc => uint.TryParse(arc, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex ProfileNamePattern();

    [GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)*$")]
    private static partial Regex PointNamePattern();

    [GeneratedRegex("^[0-2](\\.[0-9]+)+$")]
    private static partial Regex OidPattern();
}
