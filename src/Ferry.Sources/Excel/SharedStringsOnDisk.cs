using System.Buffers.Binary;
using System.Text;

namespace Ferry.Sources.Excel;

/// <summary>
/// A shared string table kept in two temporary files, deleted when it is disposed: the strings as length-prefixed
/// UTF-8, and an index of 8-byte offsets into them. The strings read last are kept in a small cache, since rows
/// repeat the same few strings (a city, a ledger group) far more often than they bring new ones; and both files are
/// read a block at a time, since new strings mostly come in the order the table lists them.
/// </summary>
sealed class SharedStringsOnDisk : SharedStrings
{
    const int CacheSize = 4096;

    readonly FileStream _data;
    readonly FileStream _offsets;
    readonly int _count;
    readonly (int Index, string? Text)[] _cache;
    readonly byte[] _block = new byte[1 << 16];
    readonly byte[] _offsetBlock = new byte[1 << 12];
    long _blockStart;
    int _blockLength;
    int _offsetsStart;
    int _offsetsCount;

    SharedStringsOnDisk(FileStream data, FileStream offsets, int count)
    {
        _data = data;
        _offsets = offsets;
        _count = count;
        _cache = new (int, string?)[CacheSize];
        Array.Fill(_cache, (-1, null));
    }

    public static SharedStringsOnDisk Write(IEnumerable<string> strings)
    {
        var data = TemporaryFile();
        var offsets = TemporaryFile();
        try
        {
            var buffer = new byte[1024];
            Span<byte> offset = stackalloc byte[sizeof(long)];
            long position = 0;
            var count = 0;
            foreach (var text in strings)
            {
                var length = Encoding.UTF8.GetByteCount(text);
                if (buffer.Length < length + sizeof(int))
                {
                    buffer = new byte[length + sizeof(int)];
                }
                BinaryPrimitives.WriteInt32LittleEndian(buffer, length);
                Encoding.UTF8.GetBytes(text, buffer.AsSpan(sizeof(int)));
                data.Write(buffer, 0, length + sizeof(int));
                BinaryPrimitives.WriteInt64LittleEndian(offset, position);
                offsets.Write(offset);
                position += length + sizeof(int);
                count++;
            }
            data.Flush();
            offsets.Flush();
            return new SharedStringsOnDisk(data, offsets, count);
        }
        catch
        {
            data.Dispose();
            offsets.Dispose();
            throw;
        }
    }

    public override string? this[int index]
    {
        get
        {
            if (index < 0 || index >= _count)
            {
                return null;
            }
            ref var cached = ref _cache[index % CacheSize];
            if (cached.Index != index)
            {
                cached = (index, Read(index));
            }
            return cached.Text;
        }
    }

    string Read(int index)
    {
        var position = Offset(index);
        if (!InBlock(position, sizeof(int)))
        {
            LoadBlock(position);
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(_block.AsSpan((int)(position - _blockStart)));
        if (!InBlock(position, sizeof(int) + length))
        {
            LoadBlock(position);
            if (!InBlock(position, sizeof(int) + length))
            {
                var bytes = new byte[length];
                if (ReadAtMost(_data, bytes, position + sizeof(int)) < length)
                {
                    throw new EndOfStreamException("The temporary shared string file ended early.");
                }
                return Encoding.UTF8.GetString(bytes);
            }
        }
        return Encoding.UTF8.GetString(_block, (int)(position - _blockStart) + sizeof(int), length);
    }

    long Offset(int index)
    {
        if (index < _offsetsStart || index >= _offsetsStart + _offsetsCount)
        {
            _offsetsStart = index - index % (_offsetBlock.Length / sizeof(long));
            _offsetsCount = ReadAtMost(_offsets, _offsetBlock, (long)_offsetsStart * sizeof(long)) / sizeof(long);
            if (index >= _offsetsStart + _offsetsCount)
            {
                throw new EndOfStreamException("The temporary shared string index ended early.");
            }
        }
        return BinaryPrimitives.ReadInt64LittleEndian(_offsetBlock.AsSpan((index - _offsetsStart) * sizeof(long)));
    }

    bool InBlock(long position, int count) => position >= _blockStart && position + count <= _blockStart + _blockLength;

    void LoadBlock(long position)
    {
        _blockStart = position;
        _blockLength = ReadAtMost(_data, _block, position);
    }

    static int ReadAtMost(FileStream file, Span<byte> buffer, long position)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(file.SafeFileHandle, buffer[total..], position + total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"ferry-strings-{Guid.NewGuid():N}.tmp"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    public override void Dispose()
    {
        _data.Dispose();
        _offsets.Dispose();
    }
}
