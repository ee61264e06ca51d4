namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// The protocol names used in configuration and by net-snmp's <c>-a</c>/<c>-x</c> options
/// (<c>MD5</c>, <c>SHA</c>, <c>SHA-224</c> … <c>SHA-512</c>; <c>DES</c>, <c>AES</c>, <c>AES-192</c>, <c>AES-256</c>).
/// Enum names cannot hold hyphens, so the strings are parsed here, case-insensitively.
/// </summary>
public static class SnmpUsmProtocolNames
{
    public const string AuthNames = "MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512";

    public const string PrivNames = "DES, AES, AES-192, AES-256";

    public static bool TryParseAuth(string? text, out SnmpAuthProtocol protocol)
    {
        protocol = text?.Trim().ToUpperInvariant() switch
        {
            "MD5" => SnmpAuthProtocol.Md5,
            "SHA" or "SHA1" or "SHA-1" => SnmpAuthProtocol.Sha1,
            "SHA-224" or "SHA224" => SnmpAuthProtocol.Sha224,
            "SHA-256" or "SHA256" => SnmpAuthProtocol.Sha256,
            "SHA-384" or "SHA384" => SnmpAuthProtocol.Sha384,
            "SHA-512" or "SHA512" => SnmpAuthProtocol.Sha512,
            _ => SnmpAuthProtocol.None,
        };
        return protocol != SnmpAuthProtocol.None;
    }

    public static bool TryParsePriv(string? text, out SnmpPrivProtocol protocol)
    {
        protocol = text?.Trim().ToUpperInvariant() switch
        {
            "DES" => SnmpPrivProtocol.Des,
            "AES" or "AES-128" or "AES128" => SnmpPrivProtocol.Aes128,
            "AES-192" or "AES192" => SnmpPrivProtocol.Aes192,
            "AES-256" or "AES256" => SnmpPrivProtocol.Aes256,
            _ => SnmpPrivProtocol.None,
        };
        return protocol != SnmpPrivProtocol.None;
    }

    public static string Name(SnmpAuthProtocol protocol) => protocol switch
    {
        SnmpAuthProtocol.Md5 => "MD5",
        SnmpAuthProtocol.Sha1 => "SHA",
        SnmpAuthProtocol.Sha224 => "SHA-224",
        SnmpAuthProtocol.Sha256 => "SHA-256",
        SnmpAuthProtocol.Sha384 => "SHA-384",
        SnmpAuthProtocol.Sha512 => "SHA-512",
        _ => "none",
    };

    public static string Name(SnmpPrivProtocol protocol) => protocol switch
    {
        SnmpPrivProtocol.Des => "DES",
        SnmpPrivProtocol.Aes128 => "AES",
        SnmpPrivProtocol.Aes192 => "AES-192",
        SnmpPrivProtocol.Aes256 => "AES-256",
        _ => "none",
    };
}
