using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Moatown.Documents.Vault;

namespace Moatown.UnitTests.Documents;

public sealed class ConfigurationMasterKeysTests
{
    private static readonly string KeyOne = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyTwo = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static ConfigurationMasterKeys Keys(string active, params (string Id, string Key)[] keys)
    {
        var options = new VaultOptions { ActiveMasterKey = active };
        foreach (var (id, key) in keys)
        {
            options.MasterKeys[id] = key;
        }
        return new ConfigurationMasterKeys(Options.Create(options));
    }

    [Fact]
    public async Task A_wrapped_key_unwraps_under_its_context_only()
    {
        var keys = Keys("m1", ("m1", KeyOne));
        var dataKey = RandomNumberGenerator.GetBytes(32);

        var wrapped = await keys.WrapAsync(dataKey, "campaign-a");

        Assert.Equal("m1", wrapped.MasterKeyId);
        Assert.Equal(12 + 32 + 16, wrapped.Wrapped.Length);
        Assert.Equal(dataKey, await keys.UnwrapAsync(wrapped, "campaign-a"));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => keys.UnwrapAsync(wrapped, "campaign-b"));
    }

    [Fact]
    public async Task Wraps_go_to_the_active_key_and_older_ones_still_unwrap_while_listed()
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var underOne = await Keys("m1", ("m1", KeyOne)).WrapAsync(dataKey, "c");
        var both = Keys("m2", ("m1", KeyOne), ("m2", KeyTwo));

        var underTwo = await both.WrapAsync(dataKey, "c");

        Assert.Equal("m2", underTwo.MasterKeyId);
        Assert.Equal(dataKey, await both.UnwrapAsync(underOne, "c"));
        var onlyTwo = Keys("m2", ("m2", KeyTwo));
        Assert.Equal(dataKey, await onlyTwo.UnwrapAsync(underTwo, "c"));
        var missing = await Assert.ThrowsAsync<MasterKeyUnavailableException>(() => onlyTwo.UnwrapAsync(underOne, "c"));
        Assert.Equal("m1", missing.MasterKeyId);
    }

    [Fact]
    public async Task A_wrap_under_the_same_id_but_another_key_does_not_unwrap()
    {
        var wrapped = await Keys("m1", ("m1", KeyOne)).WrapAsync(RandomNumberGenerator.GetBytes(32), "c");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => Keys("m1", ("m1", KeyTwo)).UnwrapAsync(wrapped, "c"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void Keys_that_are_not_32_bytes_of_base64_are_refused_naming_the_setting(string key)
    {
        var options = new VaultOptions { ActiveMasterKey = "m1", MasterKeys = { ["m1"] = key } };

        var result = new VaultOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Documents:Vault:MasterKeys:m1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_keys_pass_validation()
    {
        var options = new VaultOptions { ActiveMasterKey = "m2", MasterKeys = { ["m1"] = KeyOne, ["m2"] = KeyTwo } };

        Assert.True(new VaultOptionsValidation().Validate(null, options).Succeeded);
    }
}
