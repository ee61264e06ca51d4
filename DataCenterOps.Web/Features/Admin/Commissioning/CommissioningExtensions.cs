using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Web.Features.Admin.Commissioning;

public static class CommissioningExtensions
{
    /// <summary>
    /// Commissioning a device from the web (<c>/admin/commissioning</c>): the probe the <c>probe</c> command uses, and the
    /// database's commissioned devices handed to monitoring as additional devices (polled without a restart).
    /// </summary>
    public static IHostApplicationBuilder AddCommissioning(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DeviceProbe>();
        builder.Services.AddSingleton<IAdditionalDeviceSource, CommissionedDeviceSource>();
        return builder;
    }
}
