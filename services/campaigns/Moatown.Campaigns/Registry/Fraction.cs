using System.Numerics;

namespace Moatown.Campaigns.Registry;

/// <summary>
/// An exact non-negative rational number, always reduced. Shares and rates are compared with
/// these, never with floating point: a rate equal to its threshold must meet it.
/// </summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("A fraction needs a non-zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne) { numerator /= gcd; denominator /= gcd; }
        Numerator = numerator;
        Denominator = denominator;
    }

    public static Fraction Zero => new(0, 1);
    public static Fraction One => new(1, 1);

    /// <summary>The exact value of a decimal (e.g. 0.6 is 3/5, 5200.5 is 10401/2).</summary>
    public static Fraction FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (value < 0) mantissa = -mantissa;
        return new Fraction(mantissa, BigInteger.Pow(10, scale));
    }

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>a / b; b must not be zero.</summary>
    public static Fraction operator /(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public int CompareTo(Fraction other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    /// <summary>For display only: comparisons never use this.</summary>
    public decimal ToDecimal(int decimals = 10) => Math.Round((decimal)Numerator / (decimal)Denominator, decimals);

    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
