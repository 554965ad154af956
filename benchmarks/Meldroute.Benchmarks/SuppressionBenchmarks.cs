using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Meldroute.Web.Features.Figures;

namespace Meldroute.Benchmarks;

/// <summary>Suppression of one cube: 35 × 35 × 35 cells skewed towards small counts (about 46,000 entries with margins).</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 1, iterationCount: 5)]
public class SuppressionBenchmarks
{
    private FigureCube cube = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(50_000);
        string[] values = [.. Enumerable.Range(0, 35).Select(i => "v" + i)];
        var counts = new long[35 * 35 * 35];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (long)Math.Floor(13 * Math.Pow(random.NextDouble(), 2));
        }

        cube = new FigureCube(["month", "form", "source"], [values, values, values], counts);
    }

    [Benchmark]
    public SuppressedCube Apply() => Suppression.Apply(cube);
}
