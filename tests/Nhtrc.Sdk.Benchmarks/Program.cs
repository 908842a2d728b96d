using BenchmarkDotNet.Running;

namespace Nhtrc.Sdk.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Nhtrc.Sdk.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "load-phases")
        {
            Referrals.LoadPhases.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
