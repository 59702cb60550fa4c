using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.UnitTests.PersonalData;

public sealed class PersonalDataProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static PersonalDataProtector Protector(string active = "a", bool withOldKey = true)
    {
        var options = new PersonalDataOptions { ActiveKeyId = active, BlindIndexKey = IndexKey };
        options.Keys["b"] = KeyB;
        if (withOldKey)
        {
            options.Keys["a"] = KeyA;
        }
        return new PersonalDataProtector(Options.Create(options));
    }

    [Fact]
    public void A_protected_name_reads_back_and_does_not_contain_the_name()
    {
        var protector = Protector();

        var stored = protector.Protect("김민준", "holder.name");

        Assert.DoesNotContain("김민준", stored, StringComparison.Ordinal);
        Assert.StartsWith("pd1.a.", stored, StringComparison.Ordinal);
        Assert.Equal("김민준", protector.Unprotect(stored, "holder.name"));
    }

    [Fact]
    public void The_same_value_encrypts_differently_each_time()
    {
        var protector = Protector();

        Assert.NotEqual(protector.Protect("010-0000-0001", "holder.phone"), protector.Protect("010-0000-0001", "holder.phone"));
    }

    [Fact]
    public void A_value_moved_to_another_field_does_not_decrypt()
    {
        var protector = Protector();
        var name = protector.Protect("김민준", "holder.name");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(name, "holder.address"));
    }

    [Fact]
    public void An_altered_value_is_detected()
    {
        var protector = Protector();
        var stored = protector.Protect("1980-01-01", "holder.birthDate");
        var bytes = Convert.FromBase64String(stored.Split('.')[2]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect($"pd1.a.{Convert.ToBase64String(bytes)}", "holder.birthDate"));
    }

    [Fact]
    public void After_rotation_old_values_still_read_and_are_flagged_for_reencryption()
    {
        var old = Protector(active: "a").Protect("이서연", "holder.name");
        var rotated = Protector(active: "b");

        Assert.Equal("이서연", rotated.Unprotect(old, "holder.name"));
        Assert.True(rotated.NeedsReprotect(old));
        Assert.False(rotated.NeedsReprotect(rotated.Protect("이서연", "holder.name")));
    }

    [Fact]
    public void A_value_whose_key_was_destroyed_cannot_be_read()
    {
        var old = Protector(active: "a").Protect("이서연", "holder.name");

        Assert.ThrowsAny<CryptographicException>(() => Protector(active: "b", withOldKey: false).Unprotect(old, "holder.name"));
    }

    [Fact]
    public void Blind_indexes_match_equal_values_per_purpose_only()
    {
        var protector = Protector();

        Assert.Equal(protector.BlindIndex("+821000000001", "holder.phone"), protector.BlindIndex("+821000000001", "holder.phone"));
        Assert.NotEqual(protector.BlindIndex("+821000000001", "holder.phone"), protector.BlindIndex("+821000000002", "holder.phone"));
        Assert.NotEqual(protector.BlindIndex("+821000000001", "holder.phone"), protector.BlindIndex("+821000000001", "holder.name"));
    }

    [Fact]
    public void Missing_or_short_keys_stop_the_service_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(Options.Create(new PersonalDataOptions())));
        var shortKey = new PersonalDataOptions { ActiveKeyId = "a", BlindIndexKey = IndexKey };
        shortKey.Keys["a"] = Convert.ToBase64String(new byte[16]);
        Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(Options.Create(shortKey)));
    }

    [Theory]
    [InlineData("홍길동", "홍*동")]
    [InlineData("김철", "김*")]
    [InlineData("남궁민수", "남**수")]
    [InlineData("이", "이")]
    [InlineData("주식회사 한빛", "주*****빛")]
    public void Names_are_masked_keeping_first_and_last_letter(string name, string masked) =>
        Assert.Equal(masked, PersonalDataMasking.Name(name));

    [Theory]
    [InlineData("+821012345678", "010-****-5678")]
    [InlineData("010-1234-5678", "010-****-5678")]
    [InlineData("12", "***")]
    public void Phones_are_masked_to_prefix_and_last_four_digits(string phone, string masked) =>
        Assert.Equal(masked, PersonalDataMasking.Phone(phone));

    [Fact]
    public void Birth_dates_keep_only_the_year() =>
        Assert.Equal("1980-**-**", PersonalDataMasking.BirthDate(new DateOnly(1980, 1, 1)));

    [Fact]
    public void Many_threads_protecting_and_reading_at_once_each_get_their_own_values_back()
    {
        var protector = Protector();
        var failures = 0;

        Parallel.For(0, 20_000, i =>
        {
            var value = $"소유자{i}";
            if (protector.Unprotect(protector.Protect(value, "holder.name"), "holder.name") != value) Interlocked.Increment(ref failures);
        });

        Assert.Equal(0, failures);
    }
}
