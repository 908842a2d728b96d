using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.OpenReferral.Tests.Json;

/// <summary>Source-generated JSON for the tests (no reflection).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class StringContext : JsonSerializerContext;
