using System;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// What a check of a live API did with one endpoint of the HSDS 3.0 OpenAPI: how many requests it made (pages, or one
/// per id), how many records they held, and whether the API offers it (an optional list endpoint answering 404 is
/// "not offered", not a problem). Immutable.
/// </summary>
/// <param name="Endpoint">The endpoint as the OpenAPI names it: <c>GET /</c>, <c>GET /services</c>, <c>GET /services/{id}</c>.</param>
/// <param name="Calls">The requests made to it.</param>
/// <param name="Records">The records its answers held and the check validated.</param>
/// <param name="Offered">False when the API answered 404 to an optional list endpoint.</param>
public sealed record HsdsFeedEndpoint(string Endpoint, int Calls, int Records, bool Offered)
{
    /// <summary><c>GET /services: 4 calls, 20 records</c>, or <c>GET /organizations: not offered</c>.</summary>
    /// <returns>The endpoint on one line.</returns>
    public override string ToString() =>
        Offered ? FormattableString.Invariant($"{Endpoint}: {Calls} calls, {Records} records") : $"{Endpoint}: not offered";
}
