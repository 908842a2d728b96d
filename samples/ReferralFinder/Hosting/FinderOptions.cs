namespace ReferralFinder.Hosting;

/// <summary>The app's own settings, section <c>ReferralFinder</c> (the SDK's are under <c>Nhtrc</c>).</summary>
public sealed class FinderOptions
{
    public const string SectionName = "ReferralFinder";

    /// <summary>The national hotline's phone number as shown; by default the NHTRC's published number.</summary>
    public string HotlinePhone { get; set; } = "1-888-373-7888";

    /// <summary>The hotline's number for text messages; by default the NHTRC's published short code.</summary>
    public string HotlineText { get; set; } = "233733";

    /// <summary>Where the quick-exit button goes: a neutral site that does not reveal what the visitor was reading.</summary>
    public string QuickExitUrl { get; set; } = "https://www.weather.gov/";

    /// <summary>How many matches the page shows.</summary>
    public int ResultCount { get; set; } = 10;

    /// <summary>The rate limit of the public endpoints, per client address.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> from one client address.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}
