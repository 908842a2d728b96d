using System;
using System.IO;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>Validates <see cref="ResponseTimesOptions"/> by loading the policy file, so a bad file fails at startup with every problem.</summary>
internal sealed class ResponseTimesOptionsValidator : IValidateOptions<ResponseTimesOptions>
{
    public ValidateOptionsResult Validate(string? name, ResponseTimesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Policy is not null || options.PolicyFile is null)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            _ = ResponsePolicyProvider.Load(options.PolicyFile);
            return ValidateOptionsResult.Success;
        }
        catch (NhtrcValidationException e)
        {
            return ValidateOptionsResult.Fail($"{nameof(ResponseTimesOptions)}.{nameof(ResponseTimesOptions.PolicyFile)}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{nameof(ResponseTimesOptions)}.{nameof(ResponseTimesOptions.PolicyFile)}: cannot read '{options.PolicyFile}': {e.Message}");
        }
    }
}
