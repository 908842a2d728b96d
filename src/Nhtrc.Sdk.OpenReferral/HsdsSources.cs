using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net.Http;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>Builds the directory source of a list of HSDS sources (a sources file's entries, <see cref="HsdsSourcesFile"/>).</summary>
public static class HsdsSources
{
    /// <summary>The name of the HTTP client <see cref="OpenReferralServiceCollectionExtensions.AddNhtrcOpenReferral(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/> registers for live APIs: <c>nhtrc-hsds</c>.</summary>
    public const string ClientName = "nhtrc-hsds";

    /// <summary>
    /// The source of <paramref name="settings"/>: one <see cref="HsdsDirectorySource"/> (a file or CSV folder) or
    /// <see cref="HsdsApiDirectorySource"/> (a live API, with its headers), or, for several, a
    /// <see cref="MergedDirectorySource"/> in their order, each keyed by its <see cref="HsdsSourceSettings.Key"/>.
    /// </summary>
    /// <param name="settings">The sources, in priority order.</param>
    /// <param name="httpClients">Creates the HTTP clients of live APIs; needed only when a source is one.</param>
    /// <param name="clientName">The name the API client was registered with (<see cref="HsdsApiServiceCollectionExtensions.AddHsdsApiClient"/>).</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">There is no source, a key repeats, or a source is a live API and <paramref name="httpClients"/> is null.</exception>
    public static IReferralDirectorySource Create(IReadOnlyList<HsdsSourceSettings> settings, IHttpClientFactory? httpClients = null, string clientName = ClientName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        if (settings.Count == 0)
        {
            throw new ArgumentException("There is no HSDS source.", nameof(settings));
        }

        IReferralDirectorySource Of(HsdsSourceSettings s)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(settings));
            if (!s.IsApi)
            {
                return new HsdsDirectorySource(s.Location, s.Options);
            }

            if (httpClients is null)
            {
                throw new ArgumentException($"HSDS source {s.Key} is a live API: it needs an IHttpClientFactory.", nameof(httpClients));
            }

            return new HsdsApiDirectorySource(httpClients, clientName, ApiOptions(s));
        }

        return settings.Count == 1 ? Of(settings[0]) : new MergedDirectorySource(settings.Select(s => new MergeSource(s.Key, Of(s))));
    }

    /// <summary>The live API settings of <paramref name="source"/>: its URL, import settings and headers, the default timeouts.</summary>
    internal static HsdsApiOptions ApiOptions(HsdsSourceSettings source) => new(new Uri(source.Location))
    {
        Import = source.Options,
        Headers = source.Headers.ToImmutableSortedDictionary(StringComparer.OrdinalIgnoreCase),
    };
}
