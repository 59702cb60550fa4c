using System.Collections.Concurrent;
using System.Text;

namespace Moatown.Testing;

/// <summary>
/// One log file of <see cref="TestLogs"/>, shared by every writer in the process: several hosts of one
/// service (a second replica, an isolated notifications host) append to the same file, line by line.
/// </summary>
public sealed class LogFile
{
    private static readonly ConcurrentDictionary<string, LogFile> Open = new(StringComparer.Ordinal);

    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    private LogFile(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        // Flushed at every line: a test process can end without disposing every host, and a line
        // lost on the way is a line the scan never sees.
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
    }

    public static LogFile For(string tier, string service) => Open.GetOrAdd(TestLogs.FileFor(tier, service), path => new LogFile(path));

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }
}
