using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Ferry.Core.Profiling;

/// <summary>Counts distinct values exactly up to a thousand, then estimates them so memory stays fixed.</summary>
internal sealed class DistinctCounter
{
    const int ExactLimit = 1000;
    HashSet<ulong>? _exact = [];
    HyperLogLog? _estimate;

    public long Count => _exact?.Count ?? _estimate!.Estimate();

    public void Add(string value)
    {
        var hash = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()));
        if (_exact is null)
        {
            _estimate!.Add(hash);
            return;
        }
        _exact.Add(hash);
        if (_exact.Count > ExactLimit)
        {
            _estimate = new HyperLogLog();
            foreach (var seen in _exact)
            {
                _estimate.Add(seen);
            }
            _exact = null;
        }
    }
}
