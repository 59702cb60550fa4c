namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Holders for the rule tests, named so that a failing test reads like the rule.</summary>
internal static class People
{
    public static readonly Who Ahn = Who.Person("Ahn", "1961-01-01");
    public static readonly Who Baek = Who.Person("Baek", "1962-02-02");
    public static readonly Who Cho = Who.Person("Cho", "1963-03-03");
    public static readonly Who Do = Who.Person("Do", "1964-04-04");
    public static readonly Who Eom = Who.Person("Eom", "1965-05-05");
    public static readonly Who Hanbit = Who.Corporation("Hanbit Corp.");
    public static readonly Who Molit = Who.Public("Republic of Korea", "Ministry of Land");
    public static readonly Who Jungnang = Who.Public("Jungnang-gu", "Jungnang-gu");
}
