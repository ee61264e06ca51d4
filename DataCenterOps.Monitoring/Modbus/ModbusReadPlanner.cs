namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// Groups points into as few reads as the protocol allows: per table, sorted by address, neighbours
/// merged when the hole between them is at most <c>maxGap</c> (reading a few unused registers costs less
/// than another round trip), a block closed before it would pass the per-read limit. A point is never
/// split across two blocks.
/// </summary>
public static class ModbusReadPlanner
{
    public static IReadOnlyList<ModbusReadBlock> Plan(IEnumerable<ModbusPointSpec> points, int maxGap = 8, int maxRegisters = ModbusTableExtensions.MaxRegistersPerRead, int maxBits = ModbusTableExtensions.MaxBitsPerRead)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(maxGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRegisters, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRegisters, ModbusTableExtensions.MaxRegistersPerRead);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBits, ModbusTableExtensions.MaxBitsPerRead);

        var blocks = new List<ModbusReadBlock>();
        foreach (var group in points.GroupBy(p => p.Table).OrderBy(g => g.Key))
        {
            var limit = group.Key.IsBitTable() ? maxBits : maxRegisters;
            var members = new List<ModbusPointSpec>();
            int start = 0, end = 0; // end is exclusive
            foreach (var point in group.OrderBy(p => p.Address).ThenByDescending(p => p.RegisterCount))
            {
                point.Validate();
                var pointEnd = point.Address + point.RegisterCount;
                if (members.Count > 0 && point.Address - end <= maxGap && Math.Max(end, pointEnd) - start <= limit)
                {
                    members.Add(point);
                    end = Math.Max(end, pointEnd);
                    continue;
                }

                Close(blocks, group.Key, start, end, members);
                members = [point];
                start = point.Address;
                end = pointEnd;
            }

            Close(blocks, group.Key, start, end, members);
        }

        return blocks;
    }

    private static void Close(List<ModbusReadBlock> blocks, ModbusTable table, int start, int end, List<ModbusPointSpec> members)
    {
        if (members.Count > 0)
        {
            blocks.Add(new ModbusReadBlock(table, (ushort)start, (ushort)(end - start), members));
        }
    }
}
