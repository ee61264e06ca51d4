using System.Globalization;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Tests.Monitoring.Commissioning;

/// <summary>Runs the probe through the entry method Program calls and reads its table back.</summary>
internal sealed record ProbeOutput(int Code, string Text)
{
    public static async Task<ProbeOutput> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await ProbeCommand.RunAsync(["probe", .. args], ProfileCatalog.Load(), output, timeout.Token);
        return new ProbeOutput(code, output.ToString());
    }

    /// <summary>The table row of a point: POINT RAW VALUE UNIT STATE CHECK (CHECK may hold spaces).</summary>
    public Row Point(string name)
    {
        var line = Text.Split('\n').Select(l => l.TrimEnd('\r')).SingleOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No row for {name} in:\n{Text}");
        var cells = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
    }

    public IEnumerable<string> Lines => Text.Split('\n').Select(l => l.TrimEnd('\r'));

    internal sealed record Row(string Point, string Raw, string Value, string Unit, string State, string Check)
    {
        public double Number => double.Parse(Value, CultureInfo.InvariantCulture);

        public double RawNumber => double.Parse(Raw, CultureInfo.InvariantCulture);
    }
}
