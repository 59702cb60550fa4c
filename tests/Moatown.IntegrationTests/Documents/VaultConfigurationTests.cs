using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>A documents service without usable master keys refuses to start, and says which setting is wrong (never its value).</summary>
[Collection(SystemCollection.Name)]
public sealed class VaultConfigurationTests(SystemFixture system)
{
    [Theory]
    [InlineData("Documents:Vault:ActiveMasterKey", "m9", "Documents:Vault:MasterKeys:m9")]
    [InlineData("Documents:Vault:MasterKeys:short", "c2hvcnQ=", "Documents:Vault:MasterKeys:short")]
    [InlineData("Documents:Vault:MasterKeys:garbled", "not base64 at all!", "Documents:Vault:MasterKeys:garbled")]
    public async Task A_missing_or_malformed_master_key_stops_start_up_naming_the_setting(string setting, string value, string named)
    {
        await using var host = system.CreateDocuments("documents_misconfigured", new() { [setting] = value });

        var failure = Record.Exception(() => host.Server);

        Assert.NotNull(failure);
        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SystemFixture.DocumentsMasterKey, failure.ToString(), StringComparison.Ordinal);
        if (setting.Contains(":MasterKeys:", StringComparison.Ordinal))
        {
            // Key material, even malformed, is not repeated back.
            Assert.DoesNotContain(value, failure.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_an_active_master_key_the_service_does_not_start()
    {
        await using var host = system.CreateDocuments("documents_misconfigured", new() { ["Documents:Vault:ActiveMasterKey"] = null });

        var failure = Record.Exception(() => host.Server);

        Assert.Contains("Documents:Vault:ActiveMasterKey is not configured", failure?.ToString(), StringComparison.Ordinal);
    }
}
