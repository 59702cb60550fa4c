using Microsoft.AspNetCore.Components;

namespace Moatown.Web.Staff.Campaigns;

internal static class StaffNavigation
{
    /// <summary>
    /// When the staff member's session has ended (no token, or the gateway refused it), sends them to
    /// sign in again and back to this page; true when it did.
    /// </summary>
    public static bool SignInIfNeeded<T>(this NavigationManager navigation, ApiAnswer<T> answer)
    {
        if (!answer.SignInRequired)
        {
            return false;
        }
        var back = new Uri(navigation.Uri).PathAndQuery;
        navigation.NavigateTo($"/staff/sign-in?returnUrl={Uri.EscapeDataString(back)}", forceLoad: true);
        return true;
    }
}
