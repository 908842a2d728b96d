using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// The age of the person a contact is about, as disclosed: an exact age (<see cref="Exactly"/>) or a range
/// (<see cref="Between"/>), both bounds inclusive, in whole years from 0 to <see cref="MaximumAge"/>.
/// Immutable; equality is by value. A range is what the caller knows ("15 or 16", "a teenager"), not a guess
/// to be narrowed: whatever a range leaves possible stays possible, so a range that reaches below 18
/// (<see cref="MayBeMinor"/>) means a minor may be involved.
/// </summary>
public sealed record AgeRange
{
    /// <summary>The oldest age a range may name.</summary>
    public const int MaximumAge = 125;

    /// <summary>The age from which a person is an adult.</summary>
    public const int AdultAge = 18;

    private AgeRange(int minimum, int maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The youngest age the person may be.</summary>
    public int Minimum { get; }

    /// <summary>The oldest age the person may be; equal to <see cref="Minimum"/> for an exact age.</summary>
    public int Maximum { get; }

    /// <summary>True when an exact age was disclosed.</summary>
    public bool IsExact => Minimum == Maximum;

    /// <summary>True when the person may be under 18: the range reaches below <see cref="AdultAge"/>.</summary>
    public bool MayBeMinor => Minimum < AdultAge;

    /// <summary>An exact age.</summary>
    /// <param name="age">The age in whole years, 0 to <see cref="MaximumAge"/>.</param>
    /// <exception cref="NhtrcValidationException"><paramref name="age"/> is out of range.</exception>
    public static AgeRange Exactly(int age) => Between(age, age);

    /// <summary>A range of ages, both inclusive.</summary>
    /// <param name="minimum">The youngest age, 0 to <see cref="MaximumAge"/>.</param>
    /// <param name="maximum">The oldest age, <paramref name="minimum"/> to <see cref="MaximumAge"/>.</param>
    /// <exception cref="NhtrcValidationException">A bound is out of range or the bounds are reversed; every problem is listed.</exception>
    public static AgeRange Between(int minimum, int maximum)
    {
        var problems = new ProblemList();
        Validate(problems, minimum, maximum, "minimum", "maximum");
        problems.ThrowIfAny("age range");
        return new AgeRange(minimum, maximum);
    }

    /// <summary>True when <paramref name="age"/> is within the range.</summary>
    /// <param name="age">An age in whole years.</param>
    public bool Includes(int age) => age >= Minimum && age <= Maximum;

    /// <summary>Returns <c>16</c> for an exact age, <c>15-17</c> for a range.</summary>
    public override string ToString() => IsExact ? $"{Minimum}" : $"{Minimum}-{Maximum}";

    internal static void Validate(ProblemList problems, int minimum, int maximum, string minimumLocation, string maximumLocation)
    {
        if (minimum is < 0 or > MaximumAge)
        {
            problems.Add(minimumLocation, $"must be from 0 to {MaximumAge}.");
        }

        if (maximum is < 0 or > MaximumAge)
        {
            problems.Add(maximumLocation, $"must be from 0 to {MaximumAge}.");
        }
        else if (maximum < minimum && minimum is >= 0 and <= MaximumAge)
        {
            problems.Add(maximumLocation, $"must not be less than the minimum ({minimum}).");
        }
    }
}
