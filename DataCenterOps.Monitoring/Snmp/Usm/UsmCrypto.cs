using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// USM key derivation, HMAC and privacy (RFC 3414 §A.2 and §6–8, RFC 3826, RFC 7860), on the BCL's
/// primitives (SHA-224 by hand, see <see cref="Sha224"/>).
/// </summary>
internal static class UsmCrypto
{
    /// <summary>RFC 3414 §A.2: the password repeated to fill one megabyte is hashed.</summary>
    private const int ExpansionLength = 1_048_576;

    /// <summary>msgAuthenticationParameters length: the truncated HMAC (RFC 3414: 12; RFC 7860 §4.2.2).</summary>
    public static int MacLength(SnmpAuthProtocol protocol) => protocol switch
    {
        SnmpAuthProtocol.Md5 or SnmpAuthProtocol.Sha1 => 12,
        SnmpAuthProtocol.Sha224 => 16,
        SnmpAuthProtocol.Sha256 => 24,
        SnmpAuthProtocol.Sha384 => 32,
        SnmpAuthProtocol.Sha512 => 48,
        _ => 0,
    };

    public static byte[] Hash(SnmpAuthProtocol protocol, ReadOnlySpan<byte> data) => protocol switch
    {
        SnmpAuthProtocol.Md5 => MD5.HashData(data),
        SnmpAuthProtocol.Sha1 => SHA1.HashData(data),
        SnmpAuthProtocol.Sha224 => Sha224.HashData(data),
        SnmpAuthProtocol.Sha256 => SHA256.HashData(data),
        SnmpAuthProtocol.Sha384 => SHA384.HashData(data),
        SnmpAuthProtocol.Sha512 => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No hash for this protocol."),
    };

    public static byte[] Hmac(SnmpAuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => protocol switch
    {
        SnmpAuthProtocol.Md5 => HMACMD5.HashData(key, data),
        SnmpAuthProtocol.Sha1 => HMACSHA1.HashData(key, data),
        SnmpAuthProtocol.Sha224 => Sha224.Hmac(key, data),
        SnmpAuthProtocol.Sha256 => HMACSHA256.HashData(key, data),
        SnmpAuthProtocol.Sha384 => HMACSHA384.HashData(key, data),
        SnmpAuthProtocol.Sha512 => HMACSHA512.HashData(key, data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No HMAC for this protocol."),
    };

    /// <summary>RFC 3414 §A.2 password-to-key: Ku = H(password repeated over 1,048,576 bytes).</summary>
    public static byte[] PasswordToKey(SnmpAuthProtocol protocol, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        if (bytes.Length == 0)
        {
            throw new ArgumentException("An empty password has no key.", nameof(password));
        }

        var expanded = GC.AllocateUninitializedArray<byte>(ExpansionLength);
        for (var i = 0; i < ExpansionLength; i += bytes.Length)
        {
            bytes.AsSpan(0, Math.Min(bytes.Length, ExpansionLength - i)).CopyTo(expanded.AsSpan(i));
        }

        var key = Hash(protocol, expanded);
        CryptographicOperations.ZeroMemory(expanded);
        return key;
    }

    /// <summary>RFC 3414 §A.2 localisation: Kul = H(Ku ‖ engineID ‖ Ku).</summary>
    public static byte[] Localize(SnmpAuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> engineId)
    {
        var input = new byte[(key.Length * 2) + engineId.Length];
        key.CopyTo(input);
        engineId.CopyTo(input.AsSpan(key.Length));
        key.CopyTo(input.AsSpan(key.Length + engineId.Length));
        return Hash(protocol, input);
    }

    /// <summary>Bytes of localised key a privacy protocol uses (DES: 8 key + 8 pre-IV).</summary>
    public static int PrivKeyLength(SnmpPrivProtocol protocol) => protocol switch
    {
        SnmpPrivProtocol.Des or SnmpPrivProtocol.Aes128 => 16,
        SnmpPrivProtocol.Aes192 => 24,
        SnmpPrivProtocol.Aes256 => 32,
        _ => 0,
    };

    /// <summary>
    /// A privacy key of the length <paramref name="privacy"/> needs. A localised key shorter than that is
    /// extended as net-snmp does by default for AES-192/256 (draft-blumenthal-aes-usm-04 §3.1.2.1):
    /// Kul ‖ H(Kul), then H of everything so far appended, until long enough; then truncated.
    /// </summary>
    public static byte[] PrivacyKey(SnmpAuthProtocol protocol, SnmpPrivProtocol privacy, byte[] localizedKey)
    {
        var needed = PrivKeyLength(privacy);
        var key = localizedKey;
        while (key.Length < needed)
        {
            key = [.. key, .. Hash(protocol, key)];
        }

        return key[..needed];
    }

    /// <summary>Encrypts a scoped PDU; <paramref name="salt"/> (8 bytes) becomes msgPrivacyParameters.</summary>
    public static byte[] Encrypt(SnmpPrivProtocol protocol, ReadOnlySpan<byte> key, int boots, int time, ulong localCounter, ReadOnlySpan<byte> plaintext, Span<byte> salt)
    {
        Span<byte> iv = stackalloc byte[16];
        if (protocol == SnmpPrivProtocol.Des)
        {
            // RFC 3414 §8.1.1.1: salt = engineBoots ‖ local 32-bit counter; IV = pre-IV XOR salt.
            BinaryPrimitives.WriteInt32BigEndian(salt, boots);
            BinaryPrimitives.WriteUInt32BigEndian(salt[4..], (uint)localCounter);
            using var des = DES.Create();
            des.Key = key[..8].ToArray();
            for (var i = 0; i < 8; i++)
            {
                iv[i] = (byte)(key[8 + i] ^ salt[i]);
            }

            // Padded to whole blocks; the receiver ignores what follows the scoped PDU's SEQUENCE.
            var padded = new byte[(plaintext.Length + 7) / 8 * 8];
            plaintext.CopyTo(padded);
            return des.EncryptCbc(padded, iv[..8], PaddingMode.None);
        }

        BinaryPrimitives.WriteUInt64BigEndian(salt, localCounter);
        AesIv(boots, time, salt, iv);
        return AesCfb(key, iv, plaintext, encrypt: true);
    }

    /// <summary>Decrypts msgData; null when the parameters cannot be right (wrong salt length, DES ciphertext not whole blocks).</summary>
    public static byte[]? Decrypt(SnmpPrivProtocol protocol, ReadOnlySpan<byte> key, int boots, int time, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ciphertext)
    {
        if (salt.Length != 8)
        {
            return null;
        }

        Span<byte> iv = stackalloc byte[16];
        if (protocol == SnmpPrivProtocol.Des)
        {
            if (ciphertext.Length % 8 != 0 || ciphertext.IsEmpty)
            {
                return null;
            }

            using var des = DES.Create();
            des.Key = key[..8].ToArray();
            for (var i = 0; i < 8; i++)
            {
                iv[i] = (byte)(key[8 + i] ^ salt[i]);
            }

            return des.DecryptCbc(ciphertext, iv[..8], PaddingMode.None);
        }

        AesIv(boots, time, salt, iv);
        return AesCfb(key, iv, ciphertext, encrypt: false);
    }

    /// <summary>RFC 3826 §3.1.2.1: IV = engineBoots ‖ engineTime ‖ salt.</summary>
    private static void AesIv(int boots, int time, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        BinaryPrimitives.WriteInt32BigEndian(iv, boots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], time);
        salt.CopyTo(iv[8..]);
    }

    /// <summary>
    /// CFB-128 over any length: .NET wants whole blocks without padding, and CFB is a stream mode, so
    /// the input is zero-filled to a block and the output cut back to the input's length.
    /// </summary>
    private static byte[] AesCfb(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, bool encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var padded = new byte[(input.Length + 15) / 16 * 16];
        input.CopyTo(padded);
        var output = encrypt
            ? aes.EncryptCfb(padded, iv, PaddingMode.None, 128)
            : aes.DecryptCfb(padded, iv, PaddingMode.None, 128);
        return output.Length == input.Length ? output : output[..input.Length];
    }
}
