using System.Text.Json;
using Nhtrc.DataGen;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals.Json;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

/// <summary>The synthetic national directory of 100,000 services the referral benchmarks run on, as JSON.</summary>
internal static class SyntheticDirectory
{
    public const int Services = 100_000;

    public static byte[] Json() =>
        JsonSerializer.SerializeToUtf8Bytes(SampleDirectoryGenerator.GenerateServices(42, Services, Gazetteer.Default), DirectoryJsonContext.Default.DirectoryDocument);
}
