using System.Numerics;

namespace Ferry.Core.Profiling;

/// <summary>
/// Estimates how many distinct 64-bit hashes it has seen, in 16 KB whatever their number: a HyperLogLog sketch
/// (standard error about 0.8%) read with Ertl's improved estimator ("New cardinality estimation algorithms for
/// HyperLogLog sketches", 2017), which needs no bias tables and no switch to linear counting for small counts.
/// </summary>
internal sealed class HyperLogLog
{
    const int Precision = 14;
    const int RegisterCount = 1 << Precision;
    const int LargestRank = 64 - Precision + 1;
    readonly byte[] _registers = new byte[RegisterCount];

    public void Add(ulong hash)
    {
        var register = (int)(hash >> (64 - Precision));
        // The guard bit caps the run of zeros at the bits left after the register index.
        var rank = (byte)(BitOperations.LeadingZeroCount((hash << Precision) | (1UL << (Precision - 1))) + 1);
        if (rank > _registers[register])
        {
            _registers[register] = rank;
        }
    }

    public long Estimate()
    {
        Span<int> histogram = stackalloc int[LargestRank + 1];
        foreach (var rank in _registers)
        {
            histogram[rank]++;
        }
        if (histogram[0] == RegisterCount)
        {
            return 0;
        }
        const double m = RegisterCount;
        var z = m * Tau((m - histogram[LargestRank]) / m);
        for (var k = LargestRank - 1; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * Sigma(histogram[0] / m);
        return (long)Math.Round(m * m / (2 * Math.Log(2) * z));
    }

    static double Sigma(double x)
    {
        var y = 1.0;
        var z = x;
        while (true)
        {
            x *= x;
            var previous = z;
            z += x * y;
            y += y;
            if (z == previous)
            {
                return z;
            }
        }
    }

    static double Tau(double x)
    {
        if (x is 0 or 1)
        {
            return 0;
        }
        var y = 1.0;
        var z = 1 - x;
        while (true)
        {
            x = Math.Sqrt(x);
            var previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
            if (z == previous)
            {
                return z / 3;
            }
        }
    }
}
