using BenchmarkDotNet.Running;

namespace Nhtrc.Sdk.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/Nhtrc.Sdk.Benchmarks -- --filter '*'</c>; or, with
/// <c>latency</c> first, the per-call latency runner (<see cref="Latency.LatencyRunner"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "latency")
        {
            return Latency.LatencyRunner.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
