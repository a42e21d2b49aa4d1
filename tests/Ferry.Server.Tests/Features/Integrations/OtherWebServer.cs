using System.Net;
using System.Text;
using Ferry.Tests.Fixtures;

namespace Ferry.Server.Tests.Features.Integrations;

/// <summary>A web server on 127.0.0.1 that is not Tally: it answers every request with one status, content type and body.</summary>
sealed class OtherWebServer : IDisposable
{
    readonly HttpListener _listener = new();

    public OtherWebServer(HttpStatusCode status, string contentType, string body)
    {
        Port = TallyStandIn.ClosedPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = AnswerAsync(status, contentType, Encoding.UTF8.GetBytes(body));
    }

    public int Port { get; }

    public void Dispose() => _listener.Close();

    async Task AnswerAsync(HttpStatusCode status, string contentType, byte[] body)
    {
        while (true)
        {
            try
            {
                var context = await _listener.GetContextAsync();
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = (int)status;
                context.Response.ContentType = contentType;
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                if (!_listener.IsListening)
                {
                    return;
                }
            }
        }
    }
}
