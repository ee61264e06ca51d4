using BenchmarkDotNet.Attributes;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Benchmarks.Snmp;

/// <summary>BER decode of a GetResponse with 1 and 20 UPS-MIB varbinds, and encode of the matching GET.</summary>
[MemoryDiagnoser]
public class SnmpCodecBenchmarks
{
    private byte[] _response = [];
    private SnmpMessage _request = null!;
    private readonly byte[] _buffer = new byte[2048];

    [Params(1, 20)]
    public int Varbinds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1.2");
        var varbinds = Enumerable.Range(1, Varbinds)
            .Select(i => new Varbind(root.Append((uint)i), (i % 4) switch
            {
                0 => SnmpValue.Integer(220 + i),
                1 => SnmpValue.Gauge32((uint)i),
                2 => SnmpValue.Counter32(4_000_000_000u + (uint)i),
                _ => SnmpValue.OctetString("UPS-" + i),
            }))
            .ToArray();
        _response = new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.Response(123456, SnmpErrorStatus.NoError, 0, varbinds)).Encode();
        _request = new SnmpMessage(SnmpVersion.V2c, "public",
            SnmpPdu.Request(SnmpPduType.GetRequest, 123456, varbinds.Select(v => v.Oid).ToArray()));
    }

    [Benchmark]
    public int DecodeResponse() => SnmpMessage.Decode(_response).Pdu.Varbinds.Count;

    [Benchmark]
    public int EncodeRequest() => _request.Encode(_buffer);
}
