using System.Globalization;
using System.IO.Compression;
using Ferry.Core.Sources;

namespace Ferry.Sources.Excel;

/// <summary>
/// Decompresses every part of an .xlsx once, counting what comes out, so that zip bombs and XML with a DTD are refused
/// before any parser sees them.
/// </summary>
static class PackageSafety
{
    const string SaveAgain = "Open it in Excel, save it again as Excel Workbook (.xlsx) and upload that.";

    public static void Check(string path, WorkbookLimits limits)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var zip = OpenXmlPackage.Open(file);
        var entries = Damaged(() => zip.Entries);
        if (entries.Count > limits.MaxEntries)
        {
            throw new SourceFormatException(
                $"The workbook holds {entries.Count} parts; more than {limits.MaxEntries} is not a spreadsheet Ferry will open. {SaveAgain}");
        }
        var buffer = new byte[1 << 16];
        long total = 0;
        foreach (var entry in entries)
        {
            var compressed = Math.Min(entry.CompressedLength, file.Length);
            // What the archive declares is only ever used to refuse early; what is accepted is what was counted.
            if (entry.Length > limits.RatioCheckedAboveBytes && entry.Length > compressed * limits.MaxExpansionRatio)
            {
                throw Bomb(entry.FullName, entry.Length, compressed);
            }
            if (total + entry.Length > limits.MaxUncompressedBytes)
            {
                throw TooBig(limits);
            }
            total += Damaged(() => CheckEntry(entry, compressed, total, limits, buffer));
        }
    }

    /// <returns>The bytes the entry decompressed to.</returns>
    static long CheckEntry(ZipArchiveEntry entry, long compressed, long totalBefore, WorkbookLimits limits, byte[] buffer)
    {
        var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
            || entry.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
        // The tail of one buffer is kept in front of the next so a DOCTYPE split across two reads is still seen.
        var carried = 0;
        long produced = 0;
        using var data = entry.Open();
        int read;
        while ((read = data.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            produced += read;
            if (totalBefore + produced > limits.MaxUncompressedBytes)
            {
                throw TooBig(limits);
            }
            if (produced > limits.RatioCheckedAboveBytes && produced > compressed * limits.MaxExpansionRatio)
            {
                throw Bomb(entry.FullName, produced, compressed);
            }
            if (!xml)
            {
                continue;
            }
            var window = buffer.AsSpan(0, carried + read);
            if (window.IndexOf("<!DOCTYPE"u8) >= 0)
            {
                throw new SourceFormatException(
                    $"The part {entry.FullName} of the workbook declares a DTD (<!DOCTYPE>), which Excel never writes and which can make an XML parser expand entities without end. {SaveAgain}");
            }
            carried = Math.Min(8, window.Length);
            window[^carried..].CopyTo(buffer);
        }
        return produced;
    }

    static SourceFormatException Bomb(string part, long bytes, long compressed) => new(
        $"The part {part} of the workbook expands from {Size(compressed)} to more than {Size(bytes)}: a file built like that is a zip bomb, not a spreadsheet. {SaveAgain}");

    static SourceFormatException TooBig(WorkbookLimits limits) => new(
        $"The workbook decompresses to more than {Size(limits.MaxUncompressedBytes)}, more than Ferry reads from one file. Split the data over smaller workbooks or export it as CSV (UTF-8).");

    static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");

    static T Damaged<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw new SourceFormatException($"The workbook is damaged or incomplete ({e.Message}). {SaveAgain}", e);
        }
    }
}
