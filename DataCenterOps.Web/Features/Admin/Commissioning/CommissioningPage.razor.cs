using System.Globalization;
using System.Net.Sockets;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Web.Shared.Forms;
using Microsoft.AspNetCore.Components;

namespace DataCenterOps.Web.Features.Admin.Commissioning;

/// <summary>
/// The Administrator's commissioning page: probe a device through <see cref="DeviceProbe"/> (the probe command's
/// code), see its identity, the profile and every point with raw and scaled value (implausible ones flagged), then
/// save it as a commissioned device; saved devices are polled at once and deleting one (after a confirmation) stops it.
/// Secrets typed here stay in the circuit and the database (protected); they are never rendered back.
/// </summary>
public sealed partial class CommissioningPage : IDisposable
{
    internal const string NoAuthNoPriv = "noAuthNoPriv";
    internal const string AuthNoPriv = "authNoPriv";
    internal const string AuthPriv = "authPriv";
    private const string SysDescrLabel = "sysDescr";
    private const string SysObjectIdLabel = "sysObjectID";
    private const string UpsIdentLabel = "upsIdent";

    private static readonly string[] Levels = [NoAuthNoPriv, AuthNoPriv, AuthPriv];
    private static readonly string[] AuthProtocols = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];
    private static readonly string[] PrivProtocols = ["DES", "AES", "AES-192", "AES-256"];

    private readonly CancellationTokenSource _closing = new();
    private List<CommissionedDeviceSummary> _saved = [];
    private ProbeReport? _report;
    private DeviceOptions? _probed;
    private string? _error;
    private string? _saveError;
    private bool _probing;
    private bool _saving;
    private Guid? _confirmDelete;
    private IDisposable? _changes;

    [Inject] private DeviceProbe Probe { get; set; } = default!;
    [Inject] private DeviceCatalog Devices { get; set; } = default!;
    [Inject] private LiveStateStore LiveState { get; set; } = default!;
    [Inject] private CommissionedDeviceChanges Changes { get; set; } = default!;
    [Inject] private ProfileCatalog Profiles { get; set; } = default!;
    [Inject] private ILogger<CommissioningPage> Logger { get; set; } = default!;

    /// <summary>What the Administrator typed.</summary>
    internal InputModel Form { get; } = new();

    private bool IsSnmp => !Form.Address.TrimStart().StartsWith("modbus:", StringComparison.OrdinalIgnoreCase);

    protected override async Task LoadAsync()
    {
        _changes ??= Changes.Subscribe(() => _ = InvokeAsync(async () =>
        {
            await ReloadSavedAsync();
            StateHasChanged();
        }));
        await ReloadSavedAsync();
    }

    private async Task ReloadSavedAsync() =>
        _saved = await QueryAsync<CommissionedDeviceQueries, List<CommissionedDeviceSummary>>(q => q.ListAsync());

    private async Task ProbeAsync()
    {
        _error = null;
        _saveError = null;
        _report = null;
        _probed = null;
        DeviceOptions device;
        try
        {
            device = Build();
        }
        catch (ProbeUsageException)
        {
            _error = Text["Commissioning.Error.Address"];
            return;
        }

        if (FormProblem() is { } problem)
        {
            _error = problem;
            return;
        }

        Form.Scales.Clear();
        _probing = true;
        StateHasChanged();
        try
        {
            _report = await Task.Run(() => Probe.ProbeAsync(device, Form.Profile is { Length: > 0 } p ? p : null, null, _closing.Token));
            _probed = device;
            if (string.IsNullOrWhiteSpace(Form.DeviceId))
            {
                Form.DeviceId = SuggestedId(device);
            }

            if (string.IsNullOrWhiteSpace(Form.Name))
            {
                Form.Name = _report.Identity?.SysDescr is { Length: > 0 and <= 200 } descr ? descr : Form.DeviceId;
            }
        }
        catch (Exception ex) when (ex is SnmpException or ModbusException or SocketException or ProbeUsageException)
        {
            _error = ErrorText(ex, device);
            LogProbeFailed(Logger, device.Host, device.Port, ex.GetType().Name, ex.Message);
        }
        finally
        {
            _probing = false;
        }
    }

    private async Task SaveAsync()
    {
        _saveError = null;
        if (_probed is null || _report?.Profile is null)
        {
            _saveError = Text["Commissioning.Error.ProbeFirst"];
            return;
        }

        var device = CommissionedDeviceMapping.ToOptions(CommissionedDeviceMapping.ToInput(_probed));
        device.Id = (Form.DeviceId ?? "").Trim();
        device.Name = string.IsNullOrWhiteSpace(Form.Name) ? device.Id : Form.Name.Trim();
        device.IntervalSeconds = Form.IntervalSeconds;
        device.ScaleOverrides = new Dictionary<string, double>(Form.Scales, StringComparer.Ordinal);
        var problems = SaveProblems(device);
        if (problems.Count > 0)
        {
            _saveError = Text["Commissioning.Error.Invalid", string.Join("; ", problems)];
            return;
        }

        _saving = true;
        try
        {
            var refusal = await AttemptAsync<CommissionedDeviceService>((service, actor) => service.AddAsync(actor, CommissionedDeviceMapping.ToInput(device)));
            if (refusal is not null)
            {
                _saveError = refusal;
                return;
            }

            Snackbar.Add(Text["Commissioning.SavedOk", device.Id], MudBlazor.Severity.Success);
            _report = null;
            _probed = null;
            Form.DeviceId = "";
            Form.Name = "";
            await ReloadSavedAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(Guid id)
    {
        _confirmDelete = null;
        if (await ActAsync<CommissionedDeviceService>((service, actor) => service.RemoveAsync(actor, id), "Commissioning.Deleted"))
        {
            await ReloadSavedAsync();
        }
    }

    /// <summary>The device settings the probe reads with: the address, then the credentials typed.</summary>
    private DeviceOptions Build()
    {
        var device = ProbeAddress.Parse(Form.Address);
        device.TimeoutSeconds = 2;
        device.Retries = 1;
        if (device.Protocol != DeviceProtocol.Snmp)
        {
            return device;
        }

        if (Form.SnmpVersion != "V3")
        {
            device.SnmpVersion = SnmpVersion.V2c;
            device.Community = Form.Community;
            return device;
        }

        device.SnmpVersion = SnmpVersion.V3;
        device.V3User = Form.V3User?.Trim();
        device.V3Context = string.IsNullOrWhiteSpace(Form.V3Context) ? null : Form.V3Context.Trim();
        if (Form.V3Level != NoAuthNoPriv)
        {
            device.V3AuthProtocol = Form.V3AuthProtocol;
            device.V3AuthPassword = Form.V3AuthPassword;
        }

        if (Form.V3Level == AuthPriv)
        {
            device.V3PrivProtocol = Form.V3PrivProtocol;
            device.V3PrivPassword = Form.V3PrivPassword;
        }

        return device;
    }

    /// <summary>What must be typed before probing, in the UI language.</summary>
    private string? FormProblem()
    {
        if (!IsSnmp)
        {
            return Form.Profile is { Length: > 0 } || Probe.ProfilesFor(DeviceProtocol.ModbusTcp).Count == 1
                ? null
                : Text["Commissioning.Error.ModbusProfileRequired"].Value;
        }

        if (Form.SnmpVersion != "V3")
        {
            return string.IsNullOrEmpty(Form.Community) ? Text["Commissioning.Error.CommunityRequired"].Value : null;
        }

        if (string.IsNullOrWhiteSpace(Form.V3User))
        {
            return Text["Commissioning.Error.UserRequired"];
        }

        if (Form.V3Level != NoAuthNoPriv && (Form.V3AuthPassword ?? "").Length < 8)
        {
            return Text["Commissioning.Error.AuthPasswordShort"];
        }

        return Form.V3Level == AuthPriv && (Form.V3PrivPassword ?? "").Length < 8 ? Text["Commissioning.Error.PrivPasswordShort"].Value : null;
    }

    private string ErrorText(Exception ex, DeviceOptions device)
    {
        var user = device.V3User ?? "";
        return ex switch
        {
            SnmpWrongDigestException => Text["Commissioning.Error.WrongDigest", user],
            SnmpUnknownUserException => Text["Commissioning.Error.UnknownUser", user],
            SnmpDecryptionErrorException => Text["Commissioning.Error.Decryption", user],
            SnmpUnsupportedSecurityLevelException => Text["Commissioning.Error.SecurityLevel", user],
            SnmpUnknownContextException => Text["Commissioning.Error.UnknownContext", device.V3Context ?? ""],
            SnmpNotInTimeWindowException or SnmpUnknownEngineIdException => Text["Commissioning.Error.Engine"],
            SnmpTimeoutException when device.SnmpVersion == SnmpVersion.V2c => Text["Commissioning.Error.TimeoutV2c"],
            SnmpTimeoutException or ModbusTimeoutException => Text["Commissioning.Error.Timeout"],
            SocketException or ModbusConnectionException => Text["Commissioning.Error.Connect", device.Host, device.Port],
            ModbusExceptionResponseException refused => Text["Commissioning.Error.ModbusRefused", (int)refused.ExceptionCode],
            SnmpErrorStatusException status => Text["Commissioning.Error.SnmpStatus", status.ErrorStatus.ToString()],
            ProbeUsageException => Text["Commissioning.Error.ProfileChoice"],
            _ => Text["Commissioning.Error.Garbled"],
        };
    }

    private string CheckText(ProbePoint point)
    {
        if (point.Finding is { } finding)
        {
            if (finding.UnknownCode is { } code)
            {
                return Text["Commissioning.Check.UnknownCode", Number(code)];
            }

            var range = Text["Commissioning.Check.Range", Number(finding.Min), Number(finding.Max), finding.Unit].Value;
            return finding is { Factor: { } factor, SuggestedScale: { } scale }
                ? Text["Commissioning.Check.Scale", range, factor >= 1 ? "×" + Number(factor) : "÷" + Number(Math.Round(1 / factor)), Number(scale)]
                : range;
        }

        return point.Quality switch
        {
            PointQuality.Good => Text["Commissioning.Check.Ok"],
            PointQuality.NotAvailable => Text["Commissioning.Check.NotAvailable"],
            PointQuality.SensorFault => Text["Commissioning.Check.SensorFault"],
            var quality => quality.ToString(),
        };
    }

    /// <summary>The point as the typed scale override would read it, or null when none (or no usable multiplier, refused at saving) is typed for it.</summary>
    private ProbePoint? Corrected(ProbePoint point) =>
        _report?.Profile is { } profile && Form.Scales.TryGetValue(point.Name, out var scale) && double.IsFinite(scale) && scale != 0
            ? Probe.Rescale(profile, point, scale)
            : null;

    private static bool CanRescale(ProbePoint point) => point is { IsImplausible: true, Raw: not null, Finding.UnknownCode: null };

    private double? ScaleOf(ProbePoint point) => Form.Scales.TryGetValue(point.Name, out var scale) ? scale : null;

    private void SetScale(string point, NumberParse number)
    {
        if (number.HasValue)
        {
            Form.Scales[point] = number.Value;
        }
        else
        {
            Form.Scales.Remove(point);
        }
    }

    private static string ScalesOf(CommissionedDeviceSummary d) =>
        string.Join(", ", d.ScaleOverrides.Select(s => s.Key + " ×" + Number(s.Value)));

    private string SecretHint(string? secret) => string.IsNullOrEmpty(secret) ? "" : Text["Commissioning.SecretGiven"];

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.CurrentCulture) ?? "–";

    private static string AddressOf(CommissionedDeviceSummary d) => d.Protocol == nameof(DeviceProtocol.ModbusTcp)
        ? string.Create(CultureInfo.InvariantCulture, $"modbus://{d.Host}:{d.Port}?unit={d.UnitId}")
        : string.Create(CultureInfo.InvariantCulture, $"snmp://{d.Host}:{d.Port} ({d.SnmpVersion}{(d.V3User is null ? "" : ", " + d.V3User)})");

    private static string SuggestedId(DeviceOptions device) =>
        string.Create(CultureInfo.InvariantCulture, $"{device.Kind.ToString().ToLowerInvariant()}-{device.Host.Replace(':', '-').Replace('.', '-')}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Commissioning probe of {Host}:{Port} failed: {Error}: {Detail}")]
    private static partial void LogProbeFailed(ILogger logger, string host, int port, string error, string detail);

    public void Dispose()
    {
        _changes?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }

    /// <summary>The form; secrets live here only while the page is open.</summary>
    internal sealed class InputModel
    {
        public string Address { get; set; } = "";
        public string SnmpVersion { get; set; } = "V2c";
        public string? Community { get; set; }
        public string? V3User { get; set; }
        public string V3Level { get; set; } = AuthPriv;
        public string V3AuthProtocol { get; set; } = "SHA-256";
        public string? V3AuthPassword { get; set; }
        public string V3PrivProtocol { get; set; } = "AES";
        public string? V3PrivPassword { get; set; }
        public string? V3Context { get; set; }
        public string Profile { get; set; } = "";
        public string? DeviceId { get; set; }
        public string? Name { get; set; }
        public double IntervalSeconds { get; set; } = 10;

        /// <summary>Scale overrides typed for flagged points (point name → multiplier replacing the profile's scale).</summary>
        public Dictionary<string, double> Scales { get; } = new(StringComparer.Ordinal);

        // Never the secrets.
        public override string ToString() => Address;
    }
}
