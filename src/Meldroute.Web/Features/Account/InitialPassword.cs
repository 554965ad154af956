using System.Security.Cryptography;

namespace Meldroute.Web.Features.Account;

/// <summary>The password an administrator hands to a new user. Meets Identity's rules whatever the random bytes are.</summary>
public static class InitialPassword
{
    public static string Generate()
    {
        const string Lower = "abcdefghijkmnpqrstuvwxyz";
        const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string Digits = "23456789";
        const string All = Lower + Upper + Digits;
        // 18 characters from 56 (about 104 bits), with at least one of each kind Identity requires.
        var chars = new char[18];
        chars[0] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[1] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = All[RandomNumberGenerator.GetInt32(All.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
