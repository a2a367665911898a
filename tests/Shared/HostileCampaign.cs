using CsCheck;

namespace AriCrmRouter.Tests.Hostile;

/// <summary>
/// Runs one category of the hostile-input campaign (docs/hostile-input.md): a fixed set of cases that is the same on
/// every run, then <see cref="RandomCases"/> new random cases whose seed CsCheck prints on failure (replay with
/// <c>CsCheck_Seed=&lt;seed&gt;</c>). Each case must stay under an allocation bound, measured on the thread that runs
/// it, so a case that balloons memory fails as surely as one that throws.
/// </summary>
internal static class HostileCampaign
{
    /// <summary>The seed of the fixed cases; changing it changes which cases every run replays.</summary>
    public const string FixedSeed = "0N0XIzNsQ0O2";

    public const int FixedCases = 1_000;

    public const int RandomCases = 10_000;

    public static void Run<T>(Gen<T> gen, Action<T> check, Func<T, long> allocationBound, Func<T, string>? print = null)
    {
        ArgumentNullException.ThrowIfNull(gen);
        var pcg = PCG.Parse(FixedSeed);
        for (var i = 0; i < FixedCases; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                Bounded(value, check, allocationBound);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"fixed case {i} (seed {FixedSeed}) failed for {(print ?? Describe)(value)}", ex);
            }
        }

        gen.Sample(value => Bounded(value, check, allocationBound), iter: RandomCases, print: print ?? Describe);
    }

    /// <summary>
    /// The campaign for checks that must await (a lookup through the HTTP stack): <paramref name="fixedCases"/> cases
    /// from <see cref="FixedSeed"/>, then <paramref name="randomCases"/> random ones, one at a time. Awaiting moves a
    /// case between threads, so its allocations are measured for the whole process; the caller's test must run alone
    /// (a collection with parallelisation disabled) for that figure to be the case's own.
    /// </summary>
    public static async Task RunAsync<T>(Gen<T> gen, Func<T, Task> check, Func<T, long> allocationBound, int fixedCases, int randomCases, Func<T, string>? print = null)
    {
        ArgumentNullException.ThrowIfNull(gen);
        var pcg = PCG.Parse(FixedSeed);
        for (var i = 0; i < fixedCases; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                await BoundedAsync(value, check, allocationBound);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"fixed case {i} (seed {FixedSeed}) failed for {(print ?? Describe)(value)}", ex);
            }
        }

        await gen.SampleAsync(value => BoundedAsync(value, check, allocationBound), iter: randomCases, threads: 1, print: print ?? Describe);
    }

    private static async Task BoundedAsync<T>(T value, Func<T, Task> check, Func<T, long> allocationBound)
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        await check(value);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        var bound = allocationBound(value);
        if (allocated > bound)
        {
            throw new InvalidOperationException($"the case allocated {allocated:N0} bytes, over its bound of {bound:N0}");
        }
    }

    private static void Bounded<T>(T value, Action<T> check, Func<T, long> allocationBound)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        check(value);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var bound = allocationBound(value);
        if (allocated > bound)
        {
            throw new InvalidOperationException($"the case allocated {allocated:N0} bytes, over its bound of {bound:N0}");
        }
    }

    private static string Describe<T>(T value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length <= 2_000 ? text : $"{text[..2_000]}... ({text.Length} characters)";
    }
}
