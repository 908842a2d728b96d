namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>What happened to a request, as far as its response clock is concerned.</summary>
public enum SlaEventKind
{
    /// <summary>The request arrived; the clock starts. Exactly once, first.</summary>
    Received = 1,

    /// <summary>The clock stops, for example while waiting on the requester; paused time does not count.</summary>
    Paused = 2,

    /// <summary>The clock runs again after a pause.</summary>
    Resumed = 3,

    /// <summary>The request was answered; the clock stops for good. At most once, last.</summary>
    Responded = 4,
}
