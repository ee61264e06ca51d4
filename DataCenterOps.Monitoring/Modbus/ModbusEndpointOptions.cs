using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Monitoring.Modbus;

/// <summary>Where a Modbus TCP device listens and how patiently to talk to it.</summary>
public sealed class ModbusEndpointOptions
{
    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 502;

    /// <summary>Bound on connecting, and on each request from send to the last byte of its reply.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Wait after the first failed connect; doubled on each further failure up to <see cref="ReconnectDelayMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ValidationException"/> when a value is out of range.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (ReconnectDelayMax < ReconnectDelayMin)
        {
            throw new ValidationException("ReconnectDelayMax must not be shorter than ReconnectDelayMin.");
        }
    }
}
