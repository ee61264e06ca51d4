using System.Text;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Known answers: RFC 3414 appendix A.3 key localisation, FIPS 180-4 and RFC 4231 for the hand-written SHA-224.</summary>
public sealed class UsmKeyTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("000000000000000000000002");

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, "9FAF3283884E92834EBC9847D8EDD963", "526F5EED9FCCE26F8964C2930787D82B")]
    [InlineData(SnmpAuthProtocol.Sha1, "9FB5CC0381497B3793528939FF788D5D79145211", "6695FEBC9288E36282235FC7151F128497B38F3F")]
    public void PasswordToKey_AndLocalisation_MatchRfc3414AppendixA3(SnmpAuthProtocol protocol, string ku, string kul)
    {
        var key = UsmCrypto.PasswordToKey(protocol, "maplesyrup");
        var localized = UsmCrypto.Localize(protocol, key, EngineId);

        Assert.Equal(ku, Convert.ToHexString(key));
        Assert.Equal(kul, Convert.ToHexString(localized));
    }

    [Fact]
    public void LocalizedUser_DerivesTheRfc3414Key_AndIsCachedPerEngine()
    {
        var credentials = new SnmpUsmCredentials("user", SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.Des, "maplesyrup");
        var cache = new UsmKeyCache();

        var first = cache.Get(EngineId, credentials);
        var again = cache.Get(EngineId, credentials);
        var other = cache.Get(Convert.FromHexString("000000000000000000000003"), credentials);

        Assert.Equal("526F5EED9FCCE26F8964C2930787D82B", Convert.ToHexString(first.AuthKey));
        Assert.Equal(first.AuthKey, first.PrivKey);
        Assert.Same(first, again);
        Assert.NotEqual(first.AuthKey, other.AuthKey);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Sha224_MatchesFips180Examples()
    {
        Assert.Equal("23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7", Convert.ToHexString(Sha224.HashData("abc"u8)));
        Assert.Equal("75388B16512776CC5DBA5DA1FD890150B0C6455CB4F58B1952522525",
            Convert.ToHexString(Sha224.HashData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8)));
        Assert.Equal("20794655980C91D8BBB4C1EA97618A4BF03F42581948B2EE4EE7AD67",
            Convert.ToHexString(Sha224.HashData(Encoding.ASCII.GetBytes(new string('a', 1_000_000)))));
    }

    [Fact]
    public void HmacSha224_MatchesRfc4231TestCases1And2()
    {
        Assert.Equal("896FB1128ABBDF196832107CD49DF33F47B4B1169912BA4F53684B22",
            Convert.ToHexString(Sha224.Hmac(Enumerable.Repeat((byte)0x0B, 20).ToArray(), "Hi There"u8)));
        Assert.Equal("A30E01098BC6DBBF45690F3A7E9E6D0F8BBEA2A39E6148008FD05E44",
            Convert.ToHexString(Sha224.Hmac("Jefe"u8, "what do ya want for nothing?"u8)));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, 12)]
    [InlineData(SnmpAuthProtocol.Sha1, 12)]
    [InlineData(SnmpAuthProtocol.Sha224, 16)]
    [InlineData(SnmpAuthProtocol.Sha256, 24)]
    [InlineData(SnmpAuthProtocol.Sha384, 32)]
    [InlineData(SnmpAuthProtocol.Sha512, 48)]
    public void HmacTruncation_FollowsRfc7860(SnmpAuthProtocol protocol, int length) =>
        Assert.Equal(length, UsmCrypto.MacLength(protocol));

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes256)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes192)]
    public void ShortLocalisedKeys_AreExtendedByHashingTheKeySoFar(SnmpAuthProtocol auth, SnmpPrivProtocol priv)
    {
        var localized = UsmCrypto.Localize(auth, UsmCrypto.PasswordToKey(auth, "maplesyrup"), EngineId);

        var key = UsmCrypto.PrivacyKey(auth, priv, localized);

        Assert.Equal(UsmCrypto.PrivKeyLength(priv), key.Length);
        Assert.Equal(localized, key[..localized.Length]);
        Assert.Equal(UsmCrypto.Hash(auth, localized)[..(key.Length - localized.Length)], key[localized.Length..]);
    }

    [Fact]
    public void Credentials_ToString_NeverShowsPasswords()
    {
        var credentials = new SnmpUsmCredentials("ops", SnmpAuthProtocol.Sha256, "secret-auth-1", SnmpPrivProtocol.Aes256, "secret-priv-1", "ups-1");

        var text = credentials.ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("AuthPriv", text, StringComparison.Ordinal);
        Assert.Contains("SHA-256", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SHA-256", SnmpAuthProtocol.Sha256)]
    [InlineData("sha", SnmpAuthProtocol.Sha1)]
    [InlineData("SHA-512", SnmpAuthProtocol.Sha512)]
    [InlineData("MD5", SnmpAuthProtocol.Md5)]
    public void AuthProtocolNames_AreParsedFromConfigStrings(string text, SnmpAuthProtocol expected)
    {
        Assert.True(SnmpUsmProtocolNames.TryParseAuth(text, out var protocol));
        Assert.Equal(expected, protocol);
    }

    [Fact]
    public void UnknownProtocolNames_AreRefused()
    {
        Assert.False(SnmpUsmProtocolNames.TryParseAuth("SHA-3", out _));
        Assert.False(SnmpUsmProtocolNames.TryParsePriv("3DES", out _));
        Assert.True(SnmpUsmProtocolNames.TryParsePriv("AES-192", out var priv));
        Assert.Equal(SnmpPrivProtocol.Aes192, priv);
    }
}
