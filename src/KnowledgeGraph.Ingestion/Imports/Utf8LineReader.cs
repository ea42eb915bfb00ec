using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>One line of a file: its number, and its text, or null when its bytes are not valid UTF-8.</summary>
public readonly record struct Utf8Line(int Number, string? Text);

/// <summary>
/// Reads a file line by line and decodes each line strictly as UTF-8 on its own, so an invalid byte is reported on
/// the line that holds it (a text reader decodes whole buffers and would fail on an earlier line) and the other
/// lines still read. Line breaks are LF or CR LF; a byte order mark at the start is skipped.
/// </summary>
public static class Utf8LineReader
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<Utf8Line> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var pending = new ArrayBufferWriter<byte>();
        var number = 0;
        var first = true;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                var start = 0;
                if (first)
                {
                    first = false;
                    start = buffer.AsSpan(0, read).StartsWith("\uFEFF"u8) ? 3 : 0;
                }

                while (start < read)
                {
                    var end = buffer.AsSpan(start, read - start).IndexOf((byte)'\n');
                    if (end < 0)
                    {
                        pending.Write(buffer.AsSpan(start, read - start));
                        break;
                    }

                    pending.Write(buffer.AsSpan(start, end));
                    yield return new Utf8Line(++number, Decode(pending.WrittenSpan));
                    pending.ResetWrittenCount();
                    start += end + 1;
                }
            }

            if (pending.WrittenCount > 0)
            {
                yield return new Utf8Line(++number, Decode(pending.WrittenSpan));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Decode(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        try
        {
            return Strict.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
