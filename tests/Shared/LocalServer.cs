using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OgpData.Testing;

/// <summary>A tiny HTTP/1.1 file server on 127.0.0.1, enough for HttpClient GETs; never reachable from outside.</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _root;
    private readonly string _prefix;
    private readonly Task _loop;
    private int _requests;

    private LocalServer(string root, string prefix)
    {
        _root = Path.GetFullPath(root);
        _prefix = prefix;
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public static LocalServer Serving(string root, string prefix) => new(root, prefix);

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => _requests;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            while (await reader.ReadLineAsync() is { Length: > 0 } requestLine)
            {
                string? header;
                while ((header = await reader.ReadLineAsync()) is { Length: > 0 }) { }
                Interlocked.Increment(ref _requests);
                var path = Uri.UnescapeDataString(requestLine.Split(' ')[1]);
                byte[]? body = null;
                if (path.StartsWith(_prefix, StringComparison.Ordinal))
                {
                    var file = Path.GetFullPath(Path.Combine(_root, path[_prefix.Length..]));
                    if (file.StartsWith(_root, StringComparison.Ordinal) && File.Exists(file)) body = await File.ReadAllBytesAsync(file);
                }
                var head = body is null
                    ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                    : $"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                if (body is not null) await stream.WriteAsync(body);
                await stream.FlushAsync();
                if (header is null) break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
