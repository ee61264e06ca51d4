using System.Text.Json;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>The incident rules: data (<c>incident-rules.json</c>, shipped inside the assembly) for power, cooling and fire.</summary>
public static class IncidentRules
{
    private const string ResourceName = "DataCenterOps.Monitoring.Alarms.Incidents.incident-rules.json";

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The shipped rules, in file order (the first rule that matches a key wins).</summary>
    public static IReadOnlyList<IncidentRule> Shipped { get; } = LoadShipped();

    /// <summary>Reads rules from JSON: <c>{"rules":[{"name","category","parents":[…],"children":[…]}]}</c>.</summary>
    /// <exception cref="FormatException">The document is not a valid rule set.</exception>
    public static IReadOnlyList<IncidentRule> Parse(string json)
    {
        RuleSet? set;
        try
        {
            set = JsonSerializer.Deserialize<RuleSet>(json, s_json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The incident rules are not valid JSON: " + ex.Message, ex);
        }

        if (set?.Rules is not { Count: > 0 } rules)
        {
            throw new FormatException("The incident rules have no rule.");
        }

        foreach (var rule in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name) || string.IsNullOrWhiteSpace(rule.Category) || rule.Parents is not { Count: > 0 })
            {
                throw new FormatException($"Incident rule '{rule.Name}' needs a name, a category and at least one parent.");
            }
        }

        return [.. rules.Select(r => new IncidentRule(r.Name!, r.Category!, [.. r.Parents!], [.. r.Children ?? []]))];
    }

    private static IReadOnlyList<IncidentRule> LoadShipped()
    {
        using var stream = typeof(IncidentRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed class RuleSet
    {
        public List<RuleDocument>? Rules { get; set; }
    }

    private sealed class RuleDocument
    {
        public string? Name { get; set; }

        public string? Category { get; set; }

        public List<string>? Parents { get; set; }

        public List<string>? Children { get; set; }
    }
}
