using System.Buffers.Binary;
using System.Text;
using Ferry.Core.Sources;

namespace Ferry.Sources.Excel;

/// <summary>
/// Reads the names in the directory of an OLE compound file, the container of a legacy .xls or .doc and of an
/// encrypted .xlsx, to tell which of them an upload is. Every number in the file is checked before it is followed.
/// </summary>
static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    const int HeaderSize = 512;
    const int HeaderFatEntries = 109;
    const int DirectoryEntrySize = 128;
    const uint LastRegularSector = 0xFFFFFFFA;

    public static HashSet<string> EntryNames(Stream file)
    {
        var header = new byte[HeaderSize];
        file.Position = 0;
        if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw Damaged("the header is incomplete");
        }
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (shift is not (9 or 12))
        {
            throw Damaged("the sector size is invalid");
        }
        var sectorSize = 1 << shift;
        // No chain can be longer than the file has sectors; a longer one loops.
        var sectorsInFile = file.Length / sectorSize;
        var fat = FatSectors(file, header, sectorSize, sectorsInFile);

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sector = Read32(header, 0x30);
        var buffer = new byte[sectorSize];
        for (long visited = 0; sector < LastRegularSector; visited++)
        {
            if (visited > sectorsInFile)
            {
                throw Damaged("the directory chain loops");
            }
            ReadSector(file, sector, buffer);
            for (var entry = 0; entry < sectorSize; entry += DirectoryEntrySize)
            {
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(entry + 0x40));
                var type = buffer[entry + 0x42];
                if (type is 1 or 2 or 5 && nameBytes is >= 2 and <= 64)
                {
                    names.Add(Encoding.Unicode.GetString(buffer, entry, nameBytes - 2));
                }
            }
            sector = NextSector(file, fat, sector, sectorSize);
        }
        return names;
    }

    /// <summary>Where the sectors of the allocation table are: 109 in the header, the rest in a chain of their own.</summary>
    static List<uint> FatSectors(Stream file, byte[] header, int sectorSize, long sectorsInFile)
    {
        var count = Read32(header, 0x2C);
        if (count > sectorsInFile)
        {
            throw Damaged("the allocation table is larger than the file");
        }
        var fat = new List<uint>((int)count);
        for (var i = 0; i < HeaderFatEntries && fat.Count < count; i++)
        {
            fat.Add(Read32(header, 0x4C + 4 * i));
        }
        var buffer = new byte[sectorSize];
        var next = Read32(header, 0x44);
        for (long visited = 0; fat.Count < count && next < LastRegularSector; visited++)
        {
            if (visited > sectorsInFile)
            {
                throw Damaged("the allocation table chain loops");
            }
            ReadSector(file, next, buffer);
            for (var i = 0; i < sectorSize / 4 - 1 && fat.Count < count; i++)
            {
                fat.Add(Read32(buffer, 4 * i));
            }
            next = Read32(buffer, sectorSize - 4);
        }
        return fat;
    }

    static uint NextSector(Stream file, List<uint> fat, uint sector, int sectorSize)
    {
        var perSector = (uint)sectorSize / 4;
        var index = sector / perSector;
        if (index >= fat.Count)
        {
            throw Damaged("a sector lies outside the allocation table");
        }
        var offset = (fat[(int)index] + 1L) * sectorSize + sector % perSector * 4;
        if (offset + 4 > file.Length)
        {
            throw Damaged("the allocation table points past the end of the file");
        }
        Span<byte> entry = stackalloc byte[4];
        file.Position = offset;
        file.ReadExactly(entry);
        return BinaryPrimitives.ReadUInt32LittleEndian(entry);
    }

    static void ReadSector(Stream file, uint sector, byte[] buffer)
    {
        var offset = (sector + 1L) * buffer.Length;
        if (offset >= file.Length)
        {
            throw Damaged("a sector lies past the end of the file");
        }
        file.Position = offset;
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        buffer.AsSpan(read).Clear();
    }

    static uint Read32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));

    static SourceFormatException Damaged(string what) => new(
        $"The file starts like a legacy Office document (.xls) but is damaged or cut short: {what}. Upload it again; if that does not help, open it in Excel and save it as \"Excel Workbook (.xlsx)\".");
}
