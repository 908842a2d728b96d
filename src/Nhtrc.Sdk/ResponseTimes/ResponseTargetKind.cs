namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>How a response target is measured. JSON names are the camelCase member names.</summary>
public enum ResponseTargetKind
{
    /// <summary>At receipt: a live contact is answered in the moment, 24/7.</summary>
    Immediate = 1,

    /// <summary>An elapsed <see cref="NodaTime.Duration"/> after receipt, around the clock.</summary>
    Elapsed = 2,

    /// <summary>An amount of open time on the policy's business calendar after receipt.</summary>
    BusinessTime = 3,

    /// <summary>The close of the N-th business day after the local date of receipt.</summary>
    BusinessDays = 4,
}
