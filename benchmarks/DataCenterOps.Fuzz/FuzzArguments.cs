using System.Globalization;

namespace DataCenterOps.Fuzz;

/// <summary>The command line (see <see cref="Usage"/>).</summary>
internal sealed record FuzzArguments(string Target, long Executions, int Seed, bool Coverage, bool SaveCorpus, string? CorpusDirectory)
{
    public const string Usage =
        "usage: DataCenterOps.Fuzz [snmp|snmpv3|trap|modbus|all] [--executions N] [--seed S] [--no-coverage] [--save-corpus] [--corpus DIR]";

    public static bool TryParse(string[] args, out FuzzArguments arguments, out string error)
    {
        arguments = new FuzzArguments("all", 10_000_000, 20261201, true, false, null);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--executions" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    arguments = arguments with { Executions = n };
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    arguments = arguments with { Seed = s };
                    i++;
                    break;
                case "--corpus" when value is not null:
                    arguments = arguments with { CorpusDirectory = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--no-coverage":
                    arguments = arguments with { Coverage = false };
                    break;
                case "--save-corpus":
                    arguments = arguments with { SaveCorpus = true };
                    break;
                case var name when name == "all" || FuzzTargets.Names.Contains(name):
                    arguments = arguments with { Target = name };
                    break;
                default:
                    error = $"Not understood: {args[i]}" + (value is null ? "" : $" {value}");
                    return false;
            }
        }

        return true;
    }
}
