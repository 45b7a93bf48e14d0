using Microsoft.AspNetCore.Hosting;

namespace Samverka.Tests.Support;

/// <summary>
/// Another app instance serving the first one's database, as behind a load balancer: its own services, pools and background
/// loops. It migrates a database of its own (<paramref name="purpose"/>) that is never used. <paramref name="configure"/>
/// adds what both instances share (an SMTP server, a clock).
/// </summary>
public sealed class SecondInstance(SamverkaFactory first, string purpose, Action<IWebHostBuilder> configure) : SamverkaFactory
{
    protected override string Purpose => purpose;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Default", first.Database.ConnectionString);
        configure(builder);
    }
}
