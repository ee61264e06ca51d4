namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// The Modbus function codes this product speaks. Read-only by design: no write code exists here,
/// so no caller can send one (a device in a data center is watched, never driven, from this side).
/// </summary>
public enum ModbusFunctionCode : byte
{
    /// <summary>0x01: read 1–2000 coils (read/write bits).</summary>
    ReadCoils = 0x01,

    /// <summary>0x02: read 1–2000 discrete inputs (read-only bits).</summary>
    ReadDiscreteInputs = 0x02,

    /// <summary>0x03: read 1–125 holding registers.</summary>
    ReadHoldingRegisters = 0x03,

    /// <summary>0x04: read 1–125 input registers.</summary>
    ReadInputRegisters = 0x04,
}
