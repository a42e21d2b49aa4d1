using System.Buffers.Binary;
using System.Text;

namespace Ferry.Sources.Excel;

/// <summary>
/// A shared string table kept in two temporary files, deleted when it is disposed: the strings as length-prefixed
/// UTF-8, and an index of 8-byte offsets into them. The strings read last are kept in a small cache, since rows
/// repeat the same few strings (a city, a ledger group) far more often than they bring new ones.
/// </summary>
sealed class SharedStringsOnDisk : SharedStrings
{
    const int CacheSize = 4096;

    readonly FileStream _data;
    readonly FileStream _offsets;
    readonly int _count;
    readonly (int Index, string? Text)[] _cache;
    byte[] _buffer = new byte[1024];

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
        Span<byte> offset = stackalloc byte[sizeof(long)];
        ReadExactly(_offsets, offset, (long)index * sizeof(long));
        var position = BinaryPrimitives.ReadInt64LittleEndian(offset);
        var read = RandomAccess.Read(_data.SafeFileHandle, _buffer, position);
        var length = BinaryPrimitives.ReadInt32LittleEndian(_buffer);
        if (read < length + sizeof(int))
        {
            if (_buffer.Length < length + sizeof(int))
            {
                var larger = new byte[length + sizeof(int)];
                _buffer.AsSpan(0, read).CopyTo(larger);
                _buffer = larger;
            }
            ReadExactly(_data, _buffer.AsSpan(read, length + sizeof(int) - read), position + read);
        }
        return Encoding.UTF8.GetString(_buffer, sizeof(int), length);
    }

    static void ReadExactly(FileStream file, Span<byte> buffer, long position)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(file.SafeFileHandle, buffer, position);
            if (read == 0)
            {
                throw new EndOfStreamException("The temporary shared string file ended early.");
            }
            buffer = buffer[read..];
            position += read;
        }
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
