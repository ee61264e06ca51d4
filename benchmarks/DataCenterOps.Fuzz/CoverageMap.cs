using System.Runtime.InteropServices;
using SharpFuzz.Common;

namespace DataCenterOps.Fuzz;

/// <summary>
/// The edge-coverage bitmap that SharpFuzz's instrumentation writes (AFL's scheme: one byte per pair of branches,
/// incremented on every pass) and the hit-count classes seen so far. An input is interesting when it reaches an edge,
/// or an edge's hit-count class, that no earlier input did. Without instrumentation the map stays empty and the
/// campaign is a plain seeded mutation run (what CI does).
/// </summary>
internal sealed unsafe class CoverageMap : IDisposable
{
    public const int Size = 65536;

    private readonly byte* _trace;
    private readonly byte[] _seen = new byte[Size];

    public CoverageMap(bool instrumented)
    {
        IsInstrumented = instrumented;
        if (instrumented)
        {
            _trace = (byte*)NativeMemory.AllocZeroed(Size);
            Trace.SharedMem = _trace;
        }
    }

    public bool IsInstrumented { get; }

    /// <summary>Edges reached by at least one input so far.</summary>
    public int Edges { get; private set; }

    /// <summary>Starts over for the next target: nothing seen yet.</summary>
    public void Forget()
    {
        Array.Clear(_seen);
        Edges = 0;
    }

    public void Reset()
    {
        if (_trace != null)
        {
            NativeMemory.Clear(_trace, Size);
            Trace.PrevLocation = 0;
        }
    }

    /// <summary>Folds the last run's trace into what was seen; true when it added an edge or a hit-count class.</summary>
    public bool TakeNew()
    {
        if (_trace == null)
        {
            return false;
        }

        var found = false;
        var words = new ReadOnlySpan<ulong>(_trace, Size / sizeof(ulong));
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w] == 0)
            {
                continue;
            }

            for (var i = w * sizeof(ulong); i < (w + 1) * sizeof(ulong); i++)
            {
                var hits = _trace[i];
                if (hits == 0)
                {
                    continue;
                }

                var bucket = Bucket(hits);
                if ((_seen[i] & bucket) == 0)
                {
                    Edges += _seen[i] == 0 ? 1 : 0;
                    _seen[i] |= bucket;
                    found = true;
                }
            }
        }

        return found;
    }

    /// <summary>AFL's hit-count classes: 1, 2, 3, 4–7, 8–15, 16–31, 32–127, 128+, one bit each.</summary>
    private static byte Bucket(byte hits) => hits switch
    {
        1 => 0x01,
        2 => 0x02,
        3 => 0x04,
        < 8 => 0x08,
        < 16 => 0x10,
        < 32 => 0x20,
        < 128 => 0x40,
        _ => 0x80,
    };

    public void Dispose()
    {
        if (_trace != null)
        {
            Trace.SharedMem = null;
            NativeMemory.Free(_trace);
        }
    }
}
