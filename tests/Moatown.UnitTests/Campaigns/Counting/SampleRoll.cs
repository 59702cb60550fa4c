using Moatown.Campaigns.Counting;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>shared/samples/registry-sample.csv, transcribed row by row.</summary>
internal static class SampleRoll
{
    public static readonly Who 김민준 = Who.Person("김민준", "1980-01-01");
    public static readonly Who 이서연 = Who.Person("이서연", "1975-05-05");
    public static readonly Who 박지훈 = Who.Person("박지훈", "1972-03-03");
    public static readonly Who 최유진 = Who.Person("최유진", "1990-09-09");
    public static readonly Who 정하은 = Who.Person("정하은", "1988-08-08");
    public static readonly Who 강도윤 = Who.Person("강도윤", "1985-12-12");
    public static readonly Who 국토교통부 = Who.Public("대한민국", "국토교통부");
    public static readonly Who 중랑구 = Who.Public("중랑구", "중랑구");
    public static readonly Who 윤서준 = Who.Person("윤서준", "1950-01-01").Unlocatable();
    public static readonly Who 임수아 = Who.Person("임수아", "1966-06-06");
    public static readonly Who 장지호 = Who.Person("장지호", "1979-07-07");
    public static readonly Who 한빛 = Who.Corporation("주식회사 한빛");
    public static readonly Who 한예준 = Who.Person("한예준", "1983-02-02");
    public static readonly Who 오민서 = Who.Person("오민서", "1960-04-04").Unlocatable();

    public static RollBuilder Builder() => new RollBuilder()
        .Land("L-1", "중화동 1-1", 300, 김민준.Holds())
        .Land("L-2", "중화동 1-2", 200, 김민준.Holds())
        .Building("B-1", "중화동 1-1", 김민준.Holds())
        .Land("L-3", "중화동 1-3", 250, 이서연.Holds("1/2", representative: true), 박지훈.Holds("1/2"))
        .Building("B-2", "중화동 1-3", 이서연.Holds("1/2", representative: true), 박지훈.Holds("1/2"))
        .Land("L-4", "중화동 1-4", 400, 최유진.Holds("1/3"), 정하은.Holds("1/3"), 강도윤.Holds("1/3"))
        .Land("L-5", "중화동 1-5", 150, 이서연.Holds())
        .Land("L-6", "중화동 1-6", 500, 국토교통부.Holds())
        .Land("L-7", "중화동 1-7", 120, 중랑구.Holds())
        .Land("L-8", "중화동 1-8", 130, 중랑구.Holds())
        .Land("L-9", "중화동 1-9", 180, 윤서준.Holds())
        .Building("B-3", "중화동 1-9", 임수아.Holds())
        .Land("L-10", "중화동 1-10", 220, 장지호.Holds())
        .Superficies("S-1", "중화동 1-10", 한빛.Holds())
        .Land("L-11", "중화동 1-11", 300, 한예준.Holds("1/2", representative: true), 오민서.Holds("1/2"));

    public static CountedRoll Build() => Builder().Build("sha256:sample");
}
