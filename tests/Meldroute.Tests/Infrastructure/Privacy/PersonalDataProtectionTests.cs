using System.Security.Cryptography;
using Meldroute.Web.Infrastructure.Privacy;

namespace Meldroute.Tests.Infrastructure.Privacy;

[Trait("Category", "Domain")]
public sealed class PersonalDataProtectionTests
{
    private readonly PersonalDataProtection protection = PersonalDataProtection.Ephemeral();

    [Fact]
    public void Text_round_trips_and_the_ciphertext_does_not_contain_it()
    {
        var cipher = protection.Protect("Anna de Vries, 16 jaar");

        Assert.DoesNotContain("Anna", cipher, StringComparison.Ordinal);
        Assert.Equal("Anna de Vries, 16 jaar", protection.Unprotect(cipher));
        Assert.NotEqual(cipher, protection.Protect("Anna de Vries, 16 jaar"));
    }

    [Fact]
    public void An_altered_ciphertext_is_refused_not_decrypted_to_something_else()
    {
        var cipher = protection.Protect("Anna de Vries").ToCharArray();
        var i = cipher.Length - 5;
        cipher[i] = cipher[i] == 'A' ? 'B' : 'A';

        Assert.ThrowsAny<CryptographicException>(() => protection.Unprotect(new string(cipher)));
    }
}
