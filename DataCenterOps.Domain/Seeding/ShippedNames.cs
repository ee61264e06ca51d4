using System.Reflection;

namespace DataCenterOps.Domain.Seeding;

/// <summary>
/// The one bilingual table of every human name the product ships: checklist templates and their items, routine
/// schedules, demo equipment and rooms, template sources and worded units. Seeding writes each in
/// <see cref="SeedingOptions.Language"/> once; keys scripts and URLs use (template codes, schedule codes, point names)
/// are not names and stay as they are. Tests and workloads refer to these entries, never to a literal. Units,
/// standards and product names (NFPA 110, ASHRAE, IEEE 1188, VRLA, UPS, CRAC, genset) are the same in both.
/// </summary>
public static partial class ShippedNames
{
    // Checklist templates (code in the id).
    public static readonly ShippedName RoomDaily = new("template:room-daily", "Pemeriksaan keliling harian ruang DC", "Daily room walk-through");
    public static readonly ShippedName GensetWeekly = new("template:genset-weekly", "Inspeksi mingguan genset", "Weekly genset inspection");
    public static readonly ShippedName UpsMonthly = new("template:ups-monthly", "Inspeksi bulanan UPS", "Monthly UPS inspection");
    public static readonly ShippedName GensetMonthlyLoad = new("template:genset-monthly-load", "Uji beban bulanan genset", "Monthly genset load run");
    public static readonly ShippedName VrlaQuarterly = new("template:vrla-quarterly", "Inspeksi triwulanan baterai VRLA", "Quarterly VRLA battery inspection");
    public static readonly ShippedName FireMonthly = new("template:fire-monthly", "Inspeksi bulanan sistem pemadam kebakaran", "Monthly fire suppression inspection");
    public static readonly ShippedName CracDaily = new("template:crac-daily", "Pemeriksaan harian CRAC", "Daily CRAC check");
    public static readonly ShippedName FireSemiAnnual = new("template:fire-semiannual", "Pemeriksaan semesteran clean agent", "Semi-annual clean-agent check");
    public static readonly ShippedName FireAnnual = new("template:fire-annual", "Uji fungsi tahunan sistem kebakaran", "Annual fire system functional test");
    public static readonly ShippedName GensetAnnual = new("template:genset-annual", "Tinjauan tahunan uji beban buatan dan breaker genset", "Annual genset load-bank and breaker review");
    public static readonly ShippedName UpsAnnual = new("template:ups-annual", "Tinjauan fungsi tahunan UPS", "Annual UPS functional review");
    public static readonly ShippedName GensetService250h = new("template:genset-service-250h", "Servis genset pada 250 jam operasi", "Genset service at 250 run hours");
    public static readonly ShippedName CracService2000h = new("template:crac-service-2000h", "Servis CRAC pada 2.000 jam kompresor", "CRAC service at 2,000 compressor hours");
    public static readonly ShippedName CracAnnual = new("template:crac-annual", "Kalibrasi dan tinjauan tahunan CRAC", "Annual CRAC calibration and review");

    // Routine schedules whose title differs from their checklist's (schedule code in the id); crac-daily, ups-monthly
    // and fire-monthly carry their checklist's name.
    public static readonly ShippedName RoomDailySchedule = new("schedule:room-daily", "Pemeriksaan harian ruang DC dan lingkungan", "Daily room walk-through and environment check");
    public static readonly ShippedName GensetWeeklySchedule = new("schedule:genset-weekly", "Inspeksi dan uji jalan mingguan genset", "Weekly genset inspection and run");
    public static readonly ShippedName GensetMonthlyLoadSchedule = new("schedule:genset-monthly-load", "Uji beban bulanan genset", "Monthly genset load exercise");
    public static readonly ShippedName VrlaQuarterlySchedule = new("schedule:vrla-quarterly", "Pemeriksaan triwulanan baterai", "Quarterly battery checks");
    public static readonly ShippedName FireSemiAnnualSchedule = new("schedule:fire-semiannual", "Pemeriksaan semesteran agen pemadam", "Semi-annual fire-suppression agent check");
    public static readonly ShippedName GensetAnnualSchedule = new("schedule:genset-annual", "Tinjauan tahunan genset", "Annual genset review");
    public static readonly ShippedName UpsAnnualSchedule = new("schedule:ups-annual", "Tinjauan tahunan UPS", "Annual UPS review");
    public static readonly ShippedName CracAnnualSchedule = new("schedule:crac-annual", "Tinjauan tahunan CRAC", "Annual CRAC review");
    public static readonly ShippedName FireAnnualSchedule = new("schedule:fire-annual", "Tinjauan tahunan sistem kebakaran", "Annual fire system review");
    public static readonly ShippedName Genset250hSchedule = new("schedule:genset-250h", "Servis genset setiap 250 jam operasi", "Genset service every 250 run hours");
    public static readonly ShippedName Crac2000hSchedule = new("schedule:crac-2000h", "Servis CRAC setiap 2.000 jam kompresor", "CRAC service every 2,000 compressor hours");
    public static readonly ShippedName UpsBatteryHealthSchedule = new("schedule:ups-battery-health", "Kesehatan baterai UPS (runtime berbeban dibanding baseline)", "UPS battery health (runtime at load vs baseline)");

    // Rooms and the demo equipment whose name is a word (UPS 1, Genset 1, CRAC 1 … are the same in both languages).
    public static readonly ShippedName DcRoom = new("room:dc", "Ruang DC", "DC room");
    public static readonly ShippedName GensetHouse = new("room:genset", "Rumah genset", "Genset house");
    public static readonly ShippedName FireSuppression1 = new("equipment:fire-1", "Pemadam kebakaran 1", "Fire suppression 1");
    public static readonly ShippedName RoomSensors = new("equipment:env-1", "Sensor ruangan", "Room sensors");

    // Where a checklist comes from, where it is not a standard's own name.
    public static readonly ShippedName SourceRoomDaily = new("source:room-daily", "Lingkungan dan keamanan ruangan", "Room environment and security");
    public static readonly ShippedName SourceNfpa110Ch8 = new("source:nfpa-110-ch8", "NFPA 110 bab 8", "NFPA 110 ch. 8");
    public static readonly ShippedName SourceInHouseMonthly = new("source:in-house-monthly", "Internal, bulanan", "In-house monthly");
    public static readonly ShippedName SourceInHouseVendorAnnual = new("source:in-house-vendor-annual", "Internal / vendor, tahunan", "In-house / vendor annual");
    public static readonly ShippedName SourceSiteDefaultDiesel = new("source:site-default-diesel", "Standar lokasi (interval ganti oli dan filter diesel)", "Site default (diesel oil-and-filter interval)");
    public static readonly ShippedName SourceSiteDefault = new("source:site-default", "Standar lokasi", "Site default");

    // Units in words (the first word stays the unit: "%" for the reading limits).
    public static readonly ShippedName PercentOfRating = new("unit:percent-of-rating", "% dari kapasitas", "% of rating");
    public static readonly ShippedName PercentOfNameplate = new("unit:percent-of-nameplate", "% dari nameplate", "% of nameplate");
    public static readonly ShippedName PercentOfLabel = new("unit:percent-of-label", "% dari label", "% of label");

    // Read after every field of both files is set (the partial parts' initialisers run in no promised order).
    private static readonly Lazy<IReadOnlyList<ShippedName>> s_all = new(() => [.. typeof(ShippedNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ShippedName))
        .Select(f => (ShippedName)f.GetValue(null)!)]);

    /// <summary>Every entry of the table.</summary>
    public static IReadOnlyList<ShippedName> All => s_all.Value;
}
