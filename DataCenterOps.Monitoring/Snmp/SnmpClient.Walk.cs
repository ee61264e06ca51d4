using System.Runtime.CompilerServices;

namespace DataCenterOps.Monitoring.Snmp;

public sealed partial class SnmpClient
{
    /// <summary>
    /// Every varbind under <paramref name="root"/> in OID order, by GETBULK (halving max-repetitions
    /// on tooBig) or by GETNEXT when <see cref="SnmpTarget.UseGetBulk"/> is false. A root that is
    /// itself an instance with nothing below it is returned by a GET, as net-snmp's walk does.
    /// </summary>
    public async IAsyncEnumerable<Varbind> WalkAsync(
        SnmpTarget target, ObjectIdentifier root, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var current = root;
        var maxRepetitions = target.MaxRepetitions;
        var found = false;
        var done = false;
        while (!done)
        {
            IReadOnlyList<Varbind> page;
            if (target.UseGetBulk)
            {
                try
                {
                    page = await GetBulkAsync(target, 0, maxRepetitions, [current], cancellationToken).ConfigureAwait(false);
                }
                catch (SnmpErrorStatusException e) when (e.ErrorStatus == SnmpErrorStatus.TooBig && maxRepetitions > 1)
                {
                    maxRepetitions /= 2;
                    continue;
                }
            }
            else
            {
                page = await GetNextAsync(target, [current], cancellationToken).ConfigureAwait(false);
            }

            done = page.Count == 0;
            foreach (var varbind in page)
            {
                if (varbind.Value.Type == SnmpValueType.EndOfMibView || !varbind.Oid.StartsWith(root))
                {
                    done = true;
                    break;
                }

                if (varbind.Oid <= current)
                {
                    throw new SnmpDecodeException($"SNMP walk: {target.Endpoint} returned {varbind.Oid} after {current} (OID not increasing).");
                }

                found = true;
                current = varbind.Oid;
                yield return varbind;
            }
        }

        if (!found && !root.IsEmpty)
        {
            var single = await GetAsync(target, [root], cancellationToken).ConfigureAwait(false);
            if (!single[0].Value.IsException)
            {
                yield return single[0];
            }
        }
    }
}
