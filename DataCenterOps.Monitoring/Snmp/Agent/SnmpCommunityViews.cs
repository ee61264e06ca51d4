using System.Collections.Concurrent;

namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>The simplest <see cref="ISnmpAgentData"/>: a fixed view per community string.</summary>
public sealed class SnmpCommunityViews : ISnmpAgentData
{
    private readonly ConcurrentDictionary<string, ISnmpAgentView> _views = new(StringComparer.Ordinal);

    public SnmpCommunityViews()
    {
    }

    public SnmpCommunityViews(string community, ISnmpAgentView view) => Add(community, view);

    public void Add(string community, ISnmpAgentView view)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(view);
        _views[community] = view;
    }

    public ISnmpAgentView? Resolve(string community) => _views.GetValueOrDefault(community);
}
