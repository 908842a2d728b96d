using System.IO;
using Microsoft.Extensions.Options;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>Resolves the policy the options name: the one built in code, the file's, or the default.</summary>
internal static class ResponsePolicyProvider
{
    public static ResponsePolicy FromOptions(IOptions<ResponseTimesOptions> options)
    {
        var value = options.Value;
        return value.Policy ?? (value.PolicyFile is { } file ? Load(file) : ResponsePolicy.NhtrcDefault);
    }

    public static ResponsePolicy Load(string path)
    {
        using var stream = File.OpenRead(path);
        return ResponsePolicyJson.Load(stream);
    }
}
