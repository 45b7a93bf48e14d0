using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Samverka.Tests.Support;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// What the console prints, through the formatter the running app picked from its configuration: a readable line
/// by default, one JSON object per line with Logging:Console:FormatterName=json.
/// </summary>
[Collection(AppCollection.Name)]
public class ConsoleLogTests(SamverkaFactory app)
{
    [Fact]
    public void ByDefault_ALineForAPerson_TimeLevelCategoryMessage()
    {
        var line = Print(app.Services, "Anmälan bekräftad för Åsa");
        Assert.Matches(new Regex(@"^\d\d:\d\d:\d\d info: Samverka\.Test\[7\] Anmälan bekräftad för Åsa\r?\n$"), line);
    }

    [Fact]
    public async Task WithFormatterNameJson_OneJsonObjectPerLine()
    {
        await using var json = new JsonLogsFactory();
        await json.InitializeAsync();
        var line = Print(json.Services, "Anmälan bekräftad för Åsa");
        Assert.Single(line.TrimEnd().Split('\n'));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("Information", doc.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("Samverka.Test", doc.RootElement.GetProperty("Category").GetString());
        Assert.Equal("Anmälan bekräftad för Åsa", doc.RootElement.GetProperty("Message").GetString());
        Assert.True(DateTimeOffset.TryParse(doc.RootElement.GetProperty("Timestamp").GetString(), out _));
    }

    private static string Print(IServiceProvider services, string message)
    {
        var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName!;
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
        var entry = new LogEntry<string>(LogLevel.Information, "Samverka.Test", new EventId(7), message, null, (s, _) => s);
        using var writer = new StringWriter();
        formatter.Write(in entry, new LoggerExternalScopeProvider(), writer);
        return writer.ToString();
    }

    private sealed class JsonLogsFactory : SamverkaFactory
    {
        protected override string Purpose => "jsonlogs";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:Console:FormatterName", "json");
        }
    }
}
