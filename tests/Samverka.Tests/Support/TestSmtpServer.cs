using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Samverka.Tests.Support;

/// <summary>
/// A real SMTP server (cosullivan's SmtpServer) on 127.0.0.1 that keeps what it receives. With a certificate it
/// offers STARTTLS; without one it offers none.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    /// <summary>One accepted message, parsed back with MimeKit; Secure when it came over TLS.</summary>
    public sealed record Received(MimeMessage Message, bool Secure, string[] Recipients);

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public int Port { get; }
    public ConcurrentQueue<Received> Messages { get; }

    private TestSmtpServer(SmtpServer.SmtpServer server, Task running, int port, ConcurrentQueue<Received> messages, CancellationTokenSource stop) =>
        (_server, _running, Port, Messages, _stop) = (server, running, port, messages, stop);

    /// <param name="port">0: a free port chosen by the system (read <see cref="Port"/>).</param>
    public static async Task<TestSmtpServer> StartAsync(int port = 0, X509Certificate2? certificate = null)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, port));
                if (certificate is not null) e.Certificate(certificate);
            })
            .Build();
        var messages = new ConcurrentQueue<Received>();
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(messages));
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        // A port in use makes StartAsync fail before the endpoint starts: surface that instead of waiting.
        var first = await Task.WhenAny(bound.Task, running).WaitAsync(TimeSpan.FromSeconds(10));
        if (first != bound.Task) await running;
        return new TestSmtpServer(server, running, await bound.Task, messages, stop);
    }

    /// <summary>A port nobody listens on just now (bound once by the system, then released).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>A self-signed certificate for "localhost", made in the test (exportable key, so SslStream can use it).</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<Received> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            messages.Enqueue(new Received(message, context.Pipe.IsSecure, transaction.To.Select(m => m.AsAddress()).ToArray()));
            return SmtpResponse.Ok;
        }
    }
}
