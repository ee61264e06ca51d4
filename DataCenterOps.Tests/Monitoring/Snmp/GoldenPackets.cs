namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>
/// Replies captured from net-snmp 5.9.3's snmpd (`snmpget -d` / `snmpbulkget -d` against the
/// SnmpdFixture configuration plus `override …1.4.0 octet_str "Line\x01"`), kept byte for byte.
/// </summary>
internal static class GoldenPackets
{
    /// <summary>
    /// GET of sysUpTime.0, upsBatteryStatus.0, upsIdentManufacturer.0, sysObjectID.0, ipAdEntAddr.127.0.0.1,
    /// ifHCInOctets.1, laLoadFloat.1, upsInputLineBads.0, upsBatteryVoltage.0, 33.1.9.9.0, sysUpTime.1,
    /// upsSecondsOnBattery.0.
    /// </summary>
    public static readonly byte[] GetResponseManyTypes = Convert.FromHexString(
        "3082010302010104067075626C6963A281F502044924FBCB0201000201003081E6300E06082B0601020101030043020096300F" +
        "060A2B0601020121010201000201023016060A2B060102012101010100040841434D4520555053301606082B06010201010200" +
        "060A2B06010401BF0803020A3015060D2B06010201041401017F00000140047F0000013012060B2B060102011F010101060146" +
        "0301986C3016060B2B060104018F650A01060144079F78043F8B0000300F060A2B0601020121010301004101073010060A2B06" +
        "010201210102050042020221300E060A2B0601020121010909008000300C06082B060102010103018100300F060A2B06010201" +
        "2101020200420103");

    /// <summary>GETBULK non-repeaters 0, max-repetitions 8 from 1.3.6.1.2.1.33.1.</summary>
    public static readonly byte[] GetBulkResponse = Convert.FromHexString(
        "3081B702010104067075626C6963A281A9020442444B9D02010002010030819A3016060A2B060102012101010100040841434D" +
        "45205550533014060A2B06010201210101020006062B06010401633015060A2B06010201210101040004074C696E6578303130" +
        "0F060A2B060102012101020100020102300F060A2B0601020121010202004201043010060A2B06010201210102050042020221" +
        "300F060A2B060102012101030100410107300E06092B0601020137010100020102");

    /// <summary>GETNEXT of 1.4: past the end of the MIB.</summary>
    public static readonly byte[] GetNextEndOfMibView = Convert.FromHexString(
        "302202010104067075626C6963A215020470E09A1C0201000201003007300506012C8200");

    /// <summary>v1 GET of a missing OID: noSuchName at index 1.</summary>
    public static readonly byte[] V1NoSuchName = Convert.FromHexString(
        "302B02010004067075626C6963A21E0204203430480201020201013010300E060A2B0601020121010909000500");

    public static IReadOnlyList<byte[]> All => [GetResponseManyTypes, GetBulkResponse, GetNextEndOfMibView, V1NoSuchName];
}
