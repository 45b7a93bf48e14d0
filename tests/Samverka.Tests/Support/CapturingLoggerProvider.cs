using Microsoft.Extensions.Logging;

namespace Samverka.Tests.Support;

/// <summary>Keeps every log line at or above <paramref name="minimum"/> as (category, message), for tests that read the logs.</summary>
public sealed class CapturingLoggerProvider(List<(string Category, string Message)> sink, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    public ILogger CreateLogger(string category) => new Logger(sink, category, minimum);
    public void Dispose() { }

    private sealed class Logger(List<(string, string)> sink, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= minimum;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (IsEnabled(level)) lock (sink) sink.Add((category, $"{level}: {format(state, e)}{(e is null ? "" : " " + e)}"));
        }
    }
}
