namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>A thread-safe OID-sorted table of values that the simulator fills and the agent serves.</summary>
public sealed class SnmpMibTable : ISnmpAgentView
{
    private readonly Lock _lock = new();
    private readonly List<ObjectIdentifier> _oids = [];
    private readonly List<SnmpValue> _values = [];
    private volatile SnmpAgentFault _fault;

    public SnmpAgentFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _oids.Count;
            }
        }
    }

    /// <summary>Adds or replaces a value (cheap when OIDs are added in order).</summary>
    public void Set(ObjectIdentifier oid, SnmpValue value)
    {
        if (oid.Length < 2)
        {
            throw new ArgumentException("An agent serves OIDs of two or more sub-identifiers.", nameof(oid));
        }

        lock (_lock)
        {
            var index = _oids.Count > 0 && _oids[^1] < oid ? ~_oids.Count : _oids.BinarySearch(oid);
            if (index >= 0)
            {
                _values[index] = value;
                return;
            }

            _oids.Insert(~index, oid);
            _values.Insert(~index, value);
        }
    }

    public bool Remove(ObjectIdentifier oid)
    {
        lock (_lock)
        {
            var index = _oids.BinarySearch(oid);
            if (index < 0)
            {
                return false;
            }

            _oids.RemoveAt(index);
            _values.RemoveAt(index);
            return true;
        }
    }

    public bool TryGet(ObjectIdentifier oid, out SnmpValue value)
    {
        lock (_lock)
        {
            var index = _oids.BinarySearch(oid);
            value = index >= 0 ? _values[index] : default;
            return index >= 0;
        }
    }

    public bool TryGetNext(ObjectIdentifier oid, out ObjectIdentifier next, out SnmpValue value)
    {
        lock (_lock)
        {
            var index = _oids.BinarySearch(oid);
            index = index >= 0 ? index + 1 : ~index;
            if (index < _oids.Count)
            {
                next = _oids[index];
                value = _values[index];
                return true;
            }

            next = default;
            value = default;
            return false;
        }
    }
}
