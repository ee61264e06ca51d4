namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>
/// A thread-safe OID-sorted table of values that the simulator fills and the agent serves. It also knows its
/// object types (scalars and table columns): every value's OID minus its last sub-identifier, plus those declared
/// with <see cref="DefineObject"/> (a column whose table may be empty, or an instance index longer than one
/// sub-identifier). A GET inside a known object answers noSuchInstance, elsewhere noSuchObject.
/// </summary>
public sealed class SnmpMibTable : ISnmpAgentView
{
    private readonly Lock _lock = new();
    private readonly List<ObjectIdentifier> _oids = [];
    private readonly List<SnmpValue> _values = [];
    private readonly HashSet<ObjectIdentifier> _objects = [];
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
            _objects.Add(oid.Parent());
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

    /// <summary>Declares an object type (a scalar or a column) whose instances may all be absent at times.</summary>
    public void DefineObject(ObjectIdentifier objectType)
    {
        if (objectType.Length < 2)
        {
            throw new ArgumentException("An object type has two or more sub-identifiers.", nameof(objectType));
        }

        lock (_lock)
        {
            _objects.Add(objectType);
        }
    }

    public bool ImplementsObjectOf(ObjectIdentifier oid)
    {
        lock (_lock)
        {
            for (var length = oid.Length; length >= 2; length--)
            {
                if (_objects.Contains(length == oid.Length ? oid : new ObjectIdentifier(oid.Span[..length])))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Removes a value; its object type stays known (a removed row answers noSuchInstance).</summary>
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
