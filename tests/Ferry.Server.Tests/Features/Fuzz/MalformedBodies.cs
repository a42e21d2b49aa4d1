using System.Net.Http.Headers;
using System.Text;

namespace Ferry.Server.Tests.Features.Fuzz;

/// <summary>Bodies no well-behaved client sends: broken JSON, JSON of the wrong shape, and multipart framing that is cut short or oversized.</summary>
public static class MalformedBodies
{
    const string Boundary = "fuzz-boundary";
    const string FilePart = "Content-Disposition: form-data; name=\"file\"; filename=\"fuzz.csv\"\r\nContent-Type: text/csv\r\n";
    const string Csv = "Customer Name,City\r\nFuzz Customer,Pune\r\n";

    public static IReadOnlyList<FuzzCase> Json() =>
    [
        new("no body", () => null),
        new("empty body as JSON", () => Raw([], "application/json")),
        new("truncated JSON", () => Text("""{"name":""", "application/json")),
        new("JSON null", () => Text("null", "application/json")),
        new("JSON array instead of an object", () => Text("[]", "application/json")),
        new("JSON string instead of an object", () => Text("\"text\"", "application/json")),
        new("JSON number instead of an object", () => Text("42", "application/json")),
        new("empty JSON object", () => Text("{}", "application/json")),
        new("JSON nested 1,000 deep", () => Text(string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000), "application/json")),
        new("invalid UTF-8 as JSON", () => Raw([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], "application/json")),
        new("JSON sent as text/plain", () => Text("{}", "text/plain")),
    ];

    public static IReadOnlyList<FuzzCase> Multipart() =>
    [
        new("multipart without its closing boundary", () => Form($"--{Boundary}\r\n{FilePart}\r\n{Csv}")),
        new("empty body with a multipart content type", () => Form("")),
        new("multipart part with 20 headers", () => Form($"--{Boundary}\r\n{string.Concat(Enumerable.Range(1, 20).Select(i => $"X-Fuzz-{i}: {i}\r\n"))}{FilePart}\r\n{Csv}\r\n--{Boundary}--\r\n")),
        new("multipart part header over 16 KB", () => Form($"--{Boundary}\r\n{FilePart}X-Fuzz: {new string('h', 17 * 1024)}\r\n\r\n{Csv}\r\n--{Boundary}--\r\n")),
        new("multipart part headers that never end", () => Form($"--{Boundary}\r\n{FilePart}")),
        new("multipart without a boundary parameter", () => Raw(Encoding.UTF8.GetBytes($"--{Boundary}\r\n{FilePart}\r\n{Csv}\r\n--{Boundary}--\r\n"), "multipart/form-data")),
        new("multipart with a 200-character boundary", () => Form($"--{new string('b', 200)}\r\n{FilePart}\r\n{Csv}\r\n--{new string('b', 200)}--\r\n", new string('b', 200))),
        new("multipart with only its closing boundary", () => Form($"--{Boundary}--\r\n")),
        new("multipart with text and no boundary in it", () => Form("just some text")),
        new("multipart with no field named file", () => Form($"--{Boundary}\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nvalue\r\n--{Boundary}--\r\n")),
        new("multipart file without a file name", () => Form($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{Csv}\r\n--{Boundary}--\r\n")),
        new("multipart file with a Content-Disposition that is not form-data", () => Form($"--{Boundary}\r\nContent-Disposition: attachment; name=\"file\"; filename=\"a.csv\"\r\n\r\n{Csv}\r\n--{Boundary}--\r\n")),
    ];

    /// <summary>A well-formed upload of a one-row CSV in the field "file".</summary>
    public static HttpContent ValidUpload() => Form($"--{Boundary}\r\n{FilePart}\r\n{Csv}\r\n--{Boundary}--\r\n");

    static ByteArrayContent Form(string body, string boundary = Boundary) => Raw(Encoding.UTF8.GetBytes(body), $"multipart/form-data; boundary={boundary}");

    static ByteArrayContent Text(string body, string mediaType) => Raw(Encoding.UTF8.GetBytes(body), mediaType);

    static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
