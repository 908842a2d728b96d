using System;
using System.IO;
using Nhtrc.DataGen;
using Nhtrc.DataGen.Fixtures;
using Nhtrc.Sdk.Validation;

// Run from the repository root.
// Usage: dotnet run --project src/Nhtrc.DataGen -- gazetteer --input PATH --territories PATH --output PATH
//        dotnet run --project src/Nhtrc.DataGen -- directory --seed N --output PATH
//        dotnet run --project src/Nhtrc.DataGen -- fixtures --samples samples/contacts --output PATH
//        dotnet run --project src/Nhtrc.DataGen -- prepare
if (args.Length == 1 && args[0] == "prepare")
{
    try
    {
        return PrepareCommand.Run(Console.Out);
    }
    catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NhtrcValidationException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

if (args.Length == 7 && args[0] == "gazetteer" && args[1] == "--input" && args[3] == "--territories" && args[5] == "--output")
{
    try
    {
        return GazetteerCommand.Run(args[2], args[4], args[6], Console.Out);
    }
    catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NhtrcValidationException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

if (args.Length == 5 && args[0] == "directory" && args[1] == "--seed" && args[3] == "--output"
    && int.TryParse(args[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed))
{
    try
    {
        return DirectoryCommand.Run(seed, args[4], Console.Out);
    }
    catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NhtrcValidationException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

if (args.Length == 5 && args[0] == "fixtures" && args[1] == "--samples" && args[3] == "--output")
{
    try
    {
        return FixturesCommand.Run(args[2], args[4], Console.Out);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or NhtrcValidationException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

Console.Error.WriteLine("usage: Nhtrc.DataGen directory --seed 2026 --output src/Nhtrc.Sdk/Referrals/Data/sample-directory.json.gz");
Console.Error.WriteLine("usage: Nhtrc.DataGen gazetteer --input geonames-us-postal-codes.tsv --territories geonames-territories-postal-codes.tsv --output src/Nhtrc.Sdk/Geography/Data/gazetteer.tsv.gz");
Console.Error.WriteLine("usage: Nhtrc.DataGen prepare (the prepared gazetteer.bin and sample-directory.bin beside their sources)");
Console.Error.WriteLine("usage: Nhtrc.DataGen fixtures --samples samples/contacts --output tests/Nhtrc.Sdk.Tests/Fixtures (an empty directory: fixtures are frozen)");
return 2;
