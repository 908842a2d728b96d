using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk;

/// <summary>
/// Validates <see cref="NhtrcOptions"/> at startup: every file it names is read (once, through <see cref="NhtrcFiles"/>)
/// and every name resolved, and each problem names the option's configuration path. Checks the attributes of the
/// options types too, through the source-generated <see cref="NhtrcOptionsAttributeValidator"/>.
/// </summary>
internal sealed class NhtrcOptionsValidator(NhtrcFiles files, IEnumerable<DirectorySourceName> sources) : IValidateOptions<NhtrcOptions>
{
    public ValidateOptionsResult Validate(string? name, NhtrcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var attributes = new NhtrcOptionsAttributeValidator().Validate(name, options);
        if (attributes.Failed)
        {
            // Each names the member (NhtrcOptions.Referrals.ReferralCount); the prefix names the section it came from.
            failures.AddRange(attributes.Failures.Select(failure => $"{options.ConfigurationPath}: {failure}"));
        }

        if (options.ResponseTimes is null || options.Triage is null || options.Referrals is null || options.Resources is null || options.Calendars is null)
        {
            failures.Add($"{options.ConfigurationPath}: ResponseTimes, Triage, Referrals, Resources and Calendars must not be null.");
            return ValidateOptionsResult.Fail(failures);
        }

        foreach (var (calendar, file) in options.Calendars)
        {
            var path = options.ConfigurationPath + ":Calendars:" + calendar;
            if (string.IsNullOrWhiteSpace(calendar))
            {
                failures.Add($"{options.ConfigurationPath}:Calendars: a calendar name must not be empty.");
            }
            else
            {
                Check(failures, path, file, () => NhtrcServices.LoadCalendar(files, options, calendar));
            }
        }

        if (options.ResponseTimes.PolicyFile is { } policyFile)
        {
            Check(failures, options.PathOf("ResponseTimes", "PolicyFile"), policyFile, () => NhtrcServices.LoadPolicy(files, policyFile));
        }

        if (options.Triage.RulesFile is { } rulesFile)
        {
            Check(failures, options.PathOf("Triage", "RulesFile"), rulesFile, () => NhtrcServices.LoadRules(files, rulesFile));
        }

        if (options.Triage.BusinessCalendar is { } queueCalendar && !options.Calendars.ContainsKey(queueCalendar) && !KnownServiceCalendars.TryGet(queueCalendar, out _))
        {
            failures.Add($"{options.PathOf("Triage", "BusinessCalendar")}: {InputText.Describe(queueCalendar)} is neither a known calendar ({KnownServiceCalendars.NhtrcBusinessHoursId}, {KnownServiceCalendars.AlwaysOpenId}) nor a name under {options.ConfigurationPath}:Calendars.");
        }

        if (!Enum.IsDefined(options.Referrals.Audience))
        {
            failures.Add($"{options.PathOf("Referrals", "Audience")}: {(int)options.Referrals.Audience} is not an audience; use Public or Advocate.");
        }

        CheckReferrals(failures, options);

        if (options.Resources.LibraryFile is { } libraryFile)
        {
            Check(failures, options.PathOf("Resources", "LibraryFile"), libraryFile, () => NhtrcServices.LoadLibrary(files, libraryFile));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckReferrals(List<string> failures, NhtrcOptions options)
    {
        var referrals = options.Referrals;
        var source = NhtrcServices.SourceName(referrals);
        // No names: the referral services are not registered, so no source name is checked.
        var names = sources.Select(static s => s.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0 && !names.Contains(source, StringComparer.Ordinal))
        {
            failures.Add($"{options.PathOf("Referrals", "Source")}: no directory source is named {InputText.Describe(source)}; the registered sources are {string.Join(", ", names)} (hsds comes with Nhtrc.Sdk.OpenReferral's AddNhtrcOpenReferral, others with AddNhtrcDirectorySource).");
        }
        else if (source == NhtrcServices.JsonSourceName)
        {
            if (referrals.DirectoryFile is { } directoryFile)
            {
                Check(failures, options.PathOf("Referrals", "DirectoryFile"), directoryFile, () => NhtrcServices.LoadDirectory(files, directoryFile));
            }
            else
            {
                failures.Add($"{options.PathOf("Referrals", "DirectoryFile")}: the {NhtrcServices.JsonSourceName} source ({options.PathOf("Referrals", "Source")}) needs a directory file.");
            }
        }

        if (referrals.ReloadInterval is { } reload)
        {
            CheckInterval(failures, options.PathOf("Referrals", "ReloadInterval"), reload, "; leave it unset for no scheduled reload");
        }

        CheckInterval(failures, options.PathOf("Referrals", "RetryInterval"), referrals.RetryInterval, "");

        if (referrals.MaxAge is { } maxAge && maxAge <= TimeSpan.Zero)
        {
            failures.Add($"{options.PathOf("Referrals", "MaxAge")}: {maxAge:c} is not positive; leave it unset for no limit.");
        }
    }

    private static void CheckInterval(List<string> failures, string path, TimeSpan interval, string hint)
    {
        if (interval < ReferralsOptions.MinimumInterval)
        {
            failures.Add($"{path}: {interval:c} is shorter than the minimum, {ReferralsOptions.MinimumInterval:c}{hint}.");
        }
        else if (interval > ReferralsOptions.MaximumInterval)
        {
            failures.Add($"{path}: {interval:c} is longer than the maximum, {ReferralsOptions.MaximumInterval:c}{hint}.");
        }
    }

    private void Check(List<string> failures, string path, string file, Action load)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            failures.Add($"{path}: the file name is empty.");
            return;
        }

        var full = files.Resolve(file);
        try
        {
            load();
        }
        catch (NhtrcValidationException e)
        {
            failures.Add($"{path} ('{full}'): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failures.Add($"{path}: cannot read '{full}': {e.Message}");
        }
    }
}

/// <summary>The attribute checks of <see cref="NhtrcOptions"/> and its nested options, generated at compile time (AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class NhtrcOptionsAttributeValidator : IValidateOptions<NhtrcOptions>
{
}
