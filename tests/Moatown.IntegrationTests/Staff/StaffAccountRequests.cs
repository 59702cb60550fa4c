using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.IntegrationTests.Staff;

public static class StaffAccountRequests
{
    public const string Password = "correct horse battery staple";

    /// <summary>A user name no other test uses.</summary>
    public static string NewUserName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    /// <summary>Creates an account; answers its id and one-time activation code.</summary>
    public static async Task<(Guid Id, string ActivationCode)> CreateStaffAsync(this HttpClient admin, string userName, string[] roles,
        string? district = null, string displayName = "홍길동")
    {
        using var response = await admin.PostAsJsonAsync("/api/identity/accounts", new { userName, displayName, roles, district });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("account").GetProperty("id").GetGuid(), json.GetProperty("activationCode").GetString()!);
    }

    public static Task<HttpResponseMessage> ChangeRolesAsync(this HttpClient admin, Guid id, string[] roles, string? district = null) =>
        admin.PutAsJsonAsync($"/api/identity/accounts/{id}/roles", new { roles, district });

    public static Task<HttpResponseMessage> ActAsync(this HttpClient admin, Guid id, string action) =>
        admin.PostAsync($"/api/identity/accounts/{id}/{action}", null);
}
