using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Moatown.ServiceDefaults.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>Field-level encryption of personal data with keys from the "PersonalData" configuration section.</summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section);
        builder.Services.AddSingleton<PersonalDataProtector>();
        return builder;
    }
}
