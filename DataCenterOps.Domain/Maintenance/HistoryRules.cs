namespace DataCenterOps.Domain.Maintenance;

/// <summary>The shipped rules over monitoring history a <see cref="ChecklistItemKind.Verified"/> item may name.</summary>
public static class HistoryRules
{
    /// <summary>NFPA 110 §8.4.2: at least 30 minutes at no less than 30 % of nameplate kW (the item's Min overrides the 30 %).</summary>
    public const string GensetExerciseRun = "genset-exercise-run";

    /// <summary>The UPS went on battery and back to mains during the window.</summary>
    public const string UpsTransferTest = "ups-transfer-test";

    /// <summary>The CRAC's supply-air temperature stayed within the item's Min and Max across the check (min, max, mean shown).</summary>
    public const string CracSupplyAir = "crac-supply-air";

    /// <summary>NFPA 110 §8.4.2's minimum run.</summary>
    public const double ExerciseMinutes = 30;

    /// <summary>NFPA 110 §8.4.2's minimum load, percent of nameplate kW.</summary>
    public const double ExerciseLoadPercent = 30;

    public static readonly IReadOnlyList<string> All = [GensetExerciseRun, UpsTransferTest, CracSupplyAir];
}
