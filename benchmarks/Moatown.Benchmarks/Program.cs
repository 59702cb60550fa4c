using System.Diagnostics;
using Moatown.Benchmarks;
using Moatown.Benchmarks.Results;

// Benchmarks are not tests: they report figures against targets and fail only when they cannot measure.
var names = args.Length == 0 ? Suites.Default : args;
var unknown = names.Where(n => !Suites.All.ContainsKey(n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown suite: {string.Join(", ", unknown)}. Suites:");
    foreach (var (name, suite) in Suites.All) Console.Error.WriteLine($"  {name,-12} {suite.Description}");
    return 2;
}

var resultsDirectory = ResultsDirectory();
// WebApplicationFactory finds each service's content root (its appsettings.json) through
// MvcTestingAppManifest.json, looked up relative to the current directory.
Environment.CurrentDirectory = AppContext.BaseDirectory;
var machine = Machine.Current();
Console.WriteLine($"Machine: {machine}");
var missed = new List<string>();
var runs = new List<SuiteRun>();
var benchClock = Stopwatch.StartNew();
var benchStarted = DateTimeOffset.UtcNow;
foreach (var name in names)
{
    var startedAt = DateTimeOffset.UtcNow;
    var clock = Stopwatch.StartNew();
    var figures = new List<Figure>();
    var details = new List<Detail>();
    var notes = new List<string>();
    var rates = new List<Rate>();
    var loadBefore = Machine.LoadAverage();
    foreach (var benchmark in Suites.All[name].Benchmarks())
    {
        Console.WriteLine($"== {name}: {benchmark.Name}");
        var benchmarkClock = Stopwatch.StartNew();
        var outcome = await benchmark.RunAsync(new BenchmarkContext(Path.Combine(resultsDirectory, "artifacts")), CancellationToken.None);
        // Where the run's own minutes go, so the next change to its length starts from figures.
        notes.Add($"Benchmark {benchmark.Name}: {benchmarkClock.Elapsed.TotalMinutes:F1} min.");
        figures.AddRange(outcome.Figures);
        details.AddRange(outcome.Details);
        notes.AddRange(outcome.Notes);
        rates.AddRange(outcome.Rates ?? []);
    }

    notes.Add($"Load average (1 min) of the machine: {loadBefore} at the start, {Machine.LoadAverage()} at the end, on {machine.Cores} cores.");
    var run = new SuiteRun(name, startedAt, clock.Elapsed, machine, figures, details, notes, rates);
    runs.Add(run);
    var written = ResultFiles.Write(resultsDirectory, run);
    Console.WriteLine();
    Console.WriteLine(ResultFiles.Markdown(run));
    Console.WriteLine($"Written: {string.Join(", ", written)} (and .json)");
    missed.AddRange(figures.Where(f => f.Met == false).Select(f => f.Name));
    missed.AddRange(rates.Where(r => r.Met == false).Select(r => r.Name));
}

if (runs.Count > 1)
{
    // One report of the whole run: every suite's figures side by side, each suite's duration noted.
    var all = new SuiteRun("all", benchStarted, benchClock.Elapsed, machine,
        [.. runs.SelectMany(r => r.Figures)], [.. runs.SelectMany(r => r.Details)],
        [.. runs.Select(r => $"Suite {r.Suite}: {r.Duration.TotalMinutes:F1} min."), .. runs.SelectMany(r => r.Notes)],
        [.. runs.SelectMany(r => r.Rates)]);
    Console.WriteLine($"Every suite: {string.Join(", ", ResultFiles.Write(resultsDirectory, all))} (and .json), {benchClock.Elapsed.TotalMinutes:F1} min in all.");
}

Console.WriteLine(missed.Count == 0 ? "Every target met." : $"Targets missed: {string.Join(", ", missed)}.");
return 0;

// benchmarks/results of the checkout this binary was built in, unless MOATOWN_BENCH_RESULTS says otherwise.
static string ResultsDirectory()
{
    var configured = Environment.GetEnvironmentVariable("MOATOWN_BENCH_RESULTS");
    if (!string.IsNullOrEmpty(configured)) return Path.GetFullPath(configured);
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Moatown.slnx"))) return Path.Combine(dir.FullName, "benchmarks", "results");
    return Path.Combine(Environment.CurrentDirectory, "benchmarks-results");
}
