using System.Globalization;
using System.Text;

namespace Moatown.Benchmarks;

/// <summary>
/// A valid owner roll CSV (shared/docs/registry-format.md) with exactly the number of distinct
/// holders asked for, the same for the same seed. Its lots mix what a Moatown area holds: sole
/// owners of a house and its land, co-owner groups with and without a representative, villas
/// whose units are owned one by one on shared land, land and building held apart, superficies,
/// corporations, public land under a few managing authorities, people holding several lots,
/// and unlocatable holders.
/// </summary>
public sealed class RollGenerator
{
    public const string Header =
        "property_id,property_kind,lot_number,land_area_m2,owner_id,owner_name,birth_date,phone,share,representative,owner_type,managing_authority,status,address";

    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"];
    private static readonly string[] GivenSyllables =
        ["민", "서", "준", "지", "현", "수", "영", "재", "우", "하", "은", "진", "성", "연", "호", "동", "혜", "경", "승", "태",
         "윤", "정", "미", "희", "상", "철", "숙", "순", "광", "석", "훈", "혁", "아", "유", "나", "도", "원", "규", "범", "옥"];
    private static readonly string[] Neighbourhoods = ["중화동", "면목동", "상봉동", "망우동", "묵동", "신내동"];
    private static readonly (string Name, string Authority)[] Authorities =
        [("서울특별시", "서울특별시"), ("중랑구", "중랑구"), ("대한민국", "국토교통부"), ("대한민국", "기획재정부"), ("대한민국", "국방부")];

    private readonly Random random;
    private readonly StringBuilder csv = new();
    private readonly List<Person> people = [];
    private int nextCorporation;
    private int lotCount;

    private RollGenerator(int seed) => random = new Random(seed);

    /// <summary>The CSV as UTF-8, and what it was generated to contain.</summary>
    public static GeneratedRoll Generate(int holders, int seed = 20261205)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(holders, Authorities.Length + 1);
        var generator = new RollGenerator(seed);
        generator.Write(holders);
        return new GeneratedRoll(Encoding.UTF8.GetBytes(generator.csv.ToString()), holders, generator.lotCount);
    }

    private int HolderCount => people.Count + nextCorporation + Authorities.Length;

    private void Write(int holders)
    {
        csv.Append(Header).Append('\n');
        // Each authority holds at least one parcel, so all of them are holders from the start.
        foreach (var authority in Authorities) PublicLand(authority);

        while (HolderCount < holders)
        {
            var left = holders - HolderCount;
            var roll = random.Next(100);
            // Lots that would add more holders than are left fall through to a sole owner's house.
            if (roll < 30) SoleHouse(withBuilding: random.Next(3) > 0);
            else if (roll < 42 && left >= 4) CoOwnedHouse(representative: true);
            else if (roll < 50 && left >= 5) CoOwnedLand(representative: false);
            else if (roll < 62 && left >= 12) Villa();
            else if (roll < 67 && left >= 2) LandAndBuildingApart();
            else if (roll < 71 && left >= 2) LandWithSuperficies();
            else if (roll < 75) CorporationLot();
            else if (roll < 81) PublicLand(Authorities[random.Next(Authorities.Length)]);
            else if (roll < 88 && people.Count > 0) SecondLot();
            else SoleHouse(withBuilding: true);
        }
    }

    private void SoleHouse(bool withBuilding)
    {
        var lot = NewLot(out var id);
        var owner = NewPerson();
        Land(id, lot, [(owner.Row(), "1", false)]);
        if (withBuilding) Row($"B-{id}", "building", lot, null, owner.Row(), "1", false);
    }

    /// <summary>Land and its house held by the same 2–4 people: one owner, counted once (rule 5).</summary>
    private void CoOwnedHouse(bool representative)
    {
        var lot = NewLot(out var id);
        var group = NewPeople(random.Next(2, 5));
        var stakes = Stakes(group, representative);
        Land(id, lot, stakes);
        foreach (var (who, share, isRepresentative) in stakes) Row($"B-{id}", "building", lot, null, who, share, isRepresentative);
    }

    private void CoOwnedLand(bool representative)
    {
        var lot = NewLot(out var id);
        Land(id, lot, Stakes(NewPeople(random.Next(2, 6)), representative));
    }

    /// <summary>A 다세대 villa: each flat owned alone, the land shared by all flat owners.</summary>
    private void Villa()
    {
        var lot = NewLot(out var id);
        var owners = NewPeople(random.Next(4, 13));
        Land(id, lot, Stakes(owners, representative: random.Next(4) == 0));
        for (var flat = 0; flat < owners.Length; flat++)
            Row($"B-{id}-{101 + flat}", "building", lot, null, owners[flat], "1", false);
    }

    private void LandAndBuildingApart()
    {
        var lot = NewLot(out var id);
        Land(id, lot, [(NewPerson().Row(), "1", false)]);
        Row($"B-{id}", "building", lot, null, NewPerson().Row(), "1", false);
    }

    private void LandWithSuperficies()
    {
        var lot = NewLot(out var id);
        Land(id, lot, [(NewPerson().Row(), "1", false)]);
        Row($"S-{id}", "superficies", lot, null, NewCorporation(), "1", false);
    }

    private void CorporationLot()
    {
        var lot = NewLot(out var id);
        var corporation = NewCorporation();
        Land(id, lot, [(corporation, "1", false)]);
        if (random.Next(2) == 0) Row($"B-{id}", "building", lot, null, corporation, "1", false);
    }

    /// <summary>Now and then shared with a private co-owner, as road parcels partly bought up are.</summary>
    private void PublicLand((string Name, string Authority) authority)
    {
        var lot = NewLot(out var id);
        var holder = $",,{authority.Name},,,{{0}},public,{authority.Authority},,";
        if (people.Count > 0 && random.Next(8) == 0)
            Land(id, lot, [(holder, "3/4", false), (people[random.Next(people.Count)].Row(), "1/4", false)]);
        else
            Land(id, lot, [(holder, "1", false)]);
    }

    /// <summary>A person already on the roll holds another lot alone: no new holder, and no new owner (rule 4).</summary>
    private void SecondLot()
    {
        var lot = NewLot(out var id);
        Land(id, lot, [(people[random.Next(people.Count)].Row(), "1", false)]);
    }

    private string NewLot(out string id)
    {
        var n = lotCount++;
        id = n.ToString("D6", CultureInfo.InvariantCulture);
        return $"{Neighbourhoods[n % Neighbourhoods.Length]} {1 + n / Neighbourhoods.Length}";
    }

    private Person NewPerson()
    {
        var n = people.Count;
        // Names repeat every 32,000 people; the birth year range moves on then, so that name and
        // birth date (the holder key without an owner_id) never collide.
        var name = Surnames[n % Surnames.Length] + GivenSyllables[n / Surnames.Length % GivenSyllables.Length]
                   + GivenSyllables[n / (Surnames.Length * GivenSyllables.Length) % GivenSyllables.Length];
        var era = n / (Surnames.Length * GivenSyllables.Length * GivenSyllables.Length);
        var birth = new DateOnly(1935 + era * 16 + random.Next(16), 1 + random.Next(12), 1 + random.Next(28));
        var person = new Person(
            OwnerId: random.Next(5) == 0 ? $"P{n:D7}" : null,
            Name: name,
            BirthDate: birth,
            Phone: random.Next(10) < 7 ? $"010-{random.Next(2000, 10000):D4}-{random.Next(10000):D4}" : null,
            Address: random.Next(10) < 6 ? $"\"서울특별시 중랑구 {Neighbourhoods[random.Next(Neighbourhoods.Length)]} {random.Next(1, 900)}-{random.Next(1, 40)}, {random.Next(1, 5)}0{random.Next(1, 4)}호\"" : null,
            Unlocatable: random.Next(100) < 2);
        people.Add(person);
        return person;
    }

    private string[] NewPeople(int count) => Enumerable.Range(0, count).Select(_ => NewPerson().Row()).ToArray();

    private string NewCorporation() => $",,주식회사 모아{nextCorporation++:D5},,,{{0}},corporation,,,";

    private (string Who, string Share, bool Representative)[] Stakes(string[] holders, bool representative)
    {
        var representativeIndex = representative ? random.Next(holders.Length) : -1;
        // Equal fractions mostly; halves sometimes written as decimals, as spreadsheets export them.
        var share = holders.Length == 2 && random.Next(3) == 0 ? "0.5" : $"1/{holders.Length}";
        return holders.Select((who, i) => (who, share, i == representativeIndex)).ToArray();
    }

    private void Land(string id, string lot, (string Who, string Share, bool Representative)[] stakes)
    {
        var area = (random.Next(3_000, 60_000) / 100m).ToString(CultureInfo.InvariantCulture);
        foreach (var (who, share, isRepresentative) in stakes) Row($"L-{id}", "land", lot, area, who, share, isRepresentative);
    }

    /// <param name="who">The holder columns (owner_id … address) with {0} where the share goes.</param>
    private void Row(string propertyId, string kind, string lot, string? area, string who, string share, bool representative)
    {
        var holder = string.Format(CultureInfo.InvariantCulture, who, representative ? $"{share},Y" : $"{share},");
        csv.Append(propertyId).Append(',').Append(kind).Append(',').Append(lot).Append(',').Append(area)
            .Append(holder).Append('\n');
    }

    private sealed record Person(string? OwnerId, string Name, DateOnly BirthDate, string? Phone, string? Address, bool Unlocatable)
    {
        /// <summary>owner_id … address, with {0} for "share,representative".</summary>
        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $",{OwnerId},{Name},{BirthDate:yyyy-MM-dd},{Phone},{{0}},person,,{(Unlocatable ? "unlocatable" : "")},{Address}");
    }
}

/// <param name="Csv">UTF-8, LF line endings, English header names.</param>
public sealed record GeneratedRoll(byte[] Csv, int Holders, int Lots);
