using System.Security.Cryptography;
using Meldroute.Web.Infrastructure.Privacy;

namespace Meldroute.Tests.Infrastructure.Privacy;

[Trait("Category", "Domain")]
public sealed class EnvelopeCipherTests
{
    private static readonly DataKeyMaterial Key = new(Guid.CreateVersion7(), RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Text_round_trips_names_its_key_and_does_not_contain_the_value()
    {
        var cipher = EnvelopeCipher.Encrypt(Key, "Anna de Vries, 16 jaar, Ł ș");

        Assert.True(EnvelopeCipher.IsEnvelope(cipher));
        Assert.DoesNotContain("Anna", cipher, StringComparison.Ordinal);
        Assert.Equal(Key.Id, EnvelopeCipher.KeyIdOf(cipher));
        Assert.Equal("Anna de Vries, 16 jaar, Ł ș", EnvelopeCipher.Decrypt(Key, cipher));
        Assert.NotEqual(cipher, EnvelopeCipher.Encrypt(Key, "Anna de Vries, 16 jaar, Ł ș"));
    }

    [Fact]
    public void Bytes_round_trip_and_name_their_key()
    {
        var plain = RandomNumberGenerator.GetBytes(1000);
        var cipher = EnvelopeCipher.Encrypt(Key, plain);

        Assert.True(EnvelopeCipher.IsEnvelope(cipher));
        Assert.Equal(Key.Id, EnvelopeCipher.KeyIdOf(cipher));
        Assert.Equal(plain, EnvelopeCipher.Decrypt(Key, cipher));
    }

    [Fact]
    public void An_altered_value_or_another_key_is_refused()
    {
        var cipher = EnvelopeCipher.Encrypt(Key, "Anna de Vries").ToCharArray();
        var i = cipher.Length - 3;
        cipher[i] = cipher[i] == 'A' ? 'B' : 'A';
        var other = Key with { Key = RandomNumberGenerator.GetBytes(32) };

        Assert.ThrowsAny<CryptographicException>(() => EnvelopeCipher.Decrypt(Key, new string(cipher)));
        Assert.ThrowsAny<CryptographicException>(() => EnvelopeCipher.Decrypt(other, EnvelopeCipher.Encrypt(Key, "Anna de Vries")));
    }

    [Fact]
    public void A_value_whose_key_is_gone_reads_as_null_while_key_ring_values_still_read()
    {
        var protection = PersonalDataProtection.Ephemeral();
        var (_, key) = protection.Keys.Create();
        var owned = EnvelopeCipher.Encrypt(key, "Anna de Vries");
        var installation = protection.Protect("Overleg Noord");

        Assert.Equal("Anna de Vries", protection.Unprotect(owned));
        protection.Keys.Forget(key.Id); // gone from memory, and the store (a file that does not exist) never had it

        Assert.Null(protection.Unprotect(owned));
        Assert.Equal("Overleg Noord", protection.Unprotect(installation));
        Assert.False(EnvelopeCipher.IsEnvelope(installation));
    }
}
