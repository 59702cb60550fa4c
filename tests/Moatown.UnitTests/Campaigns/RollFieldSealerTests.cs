using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.UnitTests.Campaigns;

public sealed class RollFieldSealerTests
{
    private static readonly PersonalDataProtector Protector = Create();

    [Fact]
    public void One_holders_value_is_sealed_once_for_all_their_rows_and_reads_back()
    {
        var sealer = new RollFieldSealer(Protector);
        var holder = Guid.NewGuid();

        var first = sealer.Protect(holder, "1980-01-01", "holder.birthDate");
        var again = sealer.Protect(holder, "1980-01-01", "holder.birthDate");

        Assert.Same(first, again);
        Assert.Equal("1980-01-01", Protector.Unprotect(first, "holder.birthDate"));
    }

    [Fact]
    public void Two_holders_with_the_same_birth_date_cannot_be_matched_by_their_ciphertexts()
    {
        var sealer = new RollFieldSealer(Protector);

        var a = sealer.Protect(Guid.NewGuid(), "1980-01-01", "holder.birthDate");
        var b = sealer.Protect(Guid.NewGuid(), "1980-01-01", "holder.birthDate");

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void The_same_value_for_another_purpose_is_sealed_apart()
    {
        var sealer = new RollFieldSealer(Protector);
        var holder = Guid.NewGuid();

        var asName = sealer.Protect(holder, "중랑구", "holder.name");
        var asAddress = sealer.Protect(holder, "중랑구", "holder.address");

        Assert.NotEqual(asName, asAddress);
        Assert.Throws<AuthenticationTagMismatchException>(() => Protector.Unprotect(asName, "holder.address"));
    }

    private static PersonalDataProtector Create()
    {
        var options = new PersonalDataOptions { ActiveKeyId = "k1", BlindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        options.Keys["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return new PersonalDataProtector(Options.Create(options));
    }
}
