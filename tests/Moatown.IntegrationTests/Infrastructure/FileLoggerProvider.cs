using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Moatown.Testing;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>
/// Writes every log entry of a hosted service to its file under TestResults/logs, for the log scan
/// tier. Each line holds the formatted message and also every structured value and scope: personal
/// data passed as a parameter that the message template leaves out would still be written to a
/// structured sink (OpenTelemetry, the dashboard), so the scan must see it too.
/// </summary>
[ProviderAlias("TestLogFile")]
public sealed class FileLoggerProvider(LogFile file) : ILoggerProvider, ISupportExternalScope
{
    private readonly LogFile _file = file;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // The file is shared by every host of the service and flushed at each line.
    }

    private sealed class Logger(string category, FileLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var line = new StringBuilder()
                .Append(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)).Append(' ')
                .Append(logLevel).Append(' ').Append(category).Append('[').Append(eventId.Id).Append("] ")
                .Append(message);
            AppendValues(line, " | values: ", state, message);
            provider._scopes.ForEachScope((scope, text) => AppendValues(text, " | scope: ", scope, null), line);
            if (exception is not null)
            {
                line.Append(" | exception: ").Append(exception);
            }
            provider._file.WriteLine(line.ToString());
        }
    }

    /// <param name="message">
    /// Values already in the message are left out: the scan sees them there, and EF Core's command
    /// text would otherwise double the file.
    /// </param>
    private static void AppendValues(StringBuilder line, string label, object? state, string? message)
    {
        line.Append(label);
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                var text = Text(value);
                if (key == "{OriginalFormat}" || text.Length == 0 || (message is not null && message.Contains(text, StringComparison.Ordinal)))
                {
                    continue;
                }
                line.Append(key).Append('=').Append(text).Append(' ');
            }
        }
        else
        {
            line.Append(Text(state));
        }
    }

    /// <summary>A collection's items, not its type name: a list of names logged as one value is still names.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };
}
