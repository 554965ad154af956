using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Meldroute.Benchmarks -- --filter '*Figures*'
// PostgreSQL runs only when MELDROUTE_BENCH_POSTGRES holds a connection string to a throwaway database.
BenchmarkSwitcher.FromAssembly(typeof(Meldroute.Benchmarks.FiguresBenchmarks).Assembly).Run(args);
