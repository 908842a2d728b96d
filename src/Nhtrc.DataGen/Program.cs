using System;
using System.IO;
using Nhtrc.DataGen;
using Nhtrc.Sdk;

// Usage: dotnet run --project src/Nhtrc.DataGen -- gazetteer --input PATH --output PATH
if (args.Length == 5 && args[0] == "gazetteer" && args[1] == "--input" && args[3] == "--output")
{
    try
    {
        return GazetteerCommand.Run(args[2], args[4], Console.Out);
    }
    catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NhtrcValidationException)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

Console.Error.WriteLine("usage: Nhtrc.DataGen gazetteer --input geonames-us-postal-codes.tsv --output src/Nhtrc.Sdk/Geography/Data/gazetteer.tsv.gz");
return 2;
