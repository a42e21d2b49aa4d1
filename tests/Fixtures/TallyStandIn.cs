using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ferry.Tests.Fixtures;

public enum TallyStandInBehaviour
{
    /// <summary>Answers as Tally does.</summary>
    Tally,

    /// <summary>Answers 200 with a body that is not XML.</summary>
    Garbage,

    /// <summary>Answers with <see cref="TallyStandIn.ErrorStatus"/> and no body.</summary>
    HttpError,

    /// <summary>Never answers, until the stand-in is disposed.</summary>
    Hang,
}

/// <summary>A request the stand-in received, with what it recognised in it: "companies", "masters", "day-book" or "unknown".</summary>
public sealed record TallyStandInRequest(string ContentType, string Body, string Kind, string? Company, string? FromDate, string? ToDate);

/// <summary>A company the stand-in has open: its masters (one TALLYMESSAGE per call) and its vouchers.</summary>
public sealed class TallyStandInCompany(string name, DateOnly booksFrom, string guid)
{
    readonly List<string[]> _masters = [];
    readonly List<(DateOnly Date, string Xml)> _vouchers = [];

    public string Name { get; } = name;
    public DateOnly BooksFrom { get; } = booksFrom;
    public string Guid { get; } = guid;
    internal IReadOnlyList<string[]> MasterMessages => _masters;
    internal IReadOnlyList<(DateOnly Date, string Xml)> Vouchers => _vouchers;

    public TallyStandInCompany Masters(params string[] objects)
    {
        _masters.Add(objects);
        return this;
    }

    /// <summary>A voucher as <see cref="TallyXmlBuilder.Voucher"/> writes it; its DATE decides which Day Books hold it.</summary>
    public TallyStandInCompany Voucher(string xml)
    {
        var date = Regex.Match(xml, @"<DATE>(\d{8})</DATE>", RegexOptions.CultureInvariant).Groups[1].Value;
        _vouchers.Add((DateOnly.ParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture), xml));
        return this;
    }
}

/// <summary>
/// Stands in for a running Tally's XML server on 127.0.0.1: recognises the companies collection, the All Masters
/// ("List of Accounts") export and the Day Book export by the tags inside the POSTed envelope, answers with the
/// configured books (the Day Book filtered to SVFROMDATE..SVTODATE), a LINEERROR for a company it does not have open,
/// or, when told to, garbage, an HTTP error or silence. It records every request.
/// </summary>
public sealed class TallyStandIn : IDisposable
{
    readonly HttpListener _listener;
    readonly List<TallyStandInCompany> _companies = [];
    readonly List<TallyStandInRequest> _requests = [];
    readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TallyStandIn()
    {
        (_listener, Port) = Listen();
        _ = AcceptAsync();
    }

    public string Host { get; } = IPAddress.Loopback.ToString();

    public int Port { get; }

    public TallyStandInBehaviour Behaviour { get; set; }

    public HttpStatusCode ErrorStatus { get; set; } = HttpStatusCode.InternalServerError;

    /// <summary>How answers are encoded; Tally's own are UTF-16 LE with a byte order mark.</summary>
    public TallyFileEncoding AnswerEncoding { get; set; } = TallyFileEncoding.Utf16LeBom;

    /// <summary>Whether answers start with the byte order mark of <see cref="AnswerEncoding"/>, if it has one.</summary>
    public bool ByteOrderMark { get; set; } = true;

    /// <summary>Text put before the ENVELOPE of every export answer, e.g. a DOCTYPE.</summary>
    public string ExportProlog { get; set; } = "";

    public IReadOnlyList<TallyStandInRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public TallyStandInCompany Open(string name, DateOnly booksFrom)
    {
        var company = new TallyStandInCompany(name, booksFrom, $"a1b2c3d4-0000-4000-8000-{_companies.Count + 1:000000000000}");
        _companies.Add(company);
        return company;
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    public void Dispose()
    {
        _released.TrySetResult();
        _listener.Close();
    }

    static (HttpListener, int) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = ClosedPort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = AnswerAsync(context);
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var received = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(received);
            var contentType = context.Request.ContentType ?? "";
            var body = Decode(received.ToArray(), contentType);
            var (request, envelope) = Recognise(contentType, body);
            lock (_requests)
            {
                _requests.Add(request);
            }

            switch (Behaviour)
            {
                case TallyStandInBehaviour.Hang:
                    await _released.Task;
                    context.Response.Abort();
                    return;
                case TallyStandInBehaviour.HttpError:
                    context.Response.StatusCode = (int)ErrorStatus;
                    context.Response.Close();
                    return;
                case TallyStandInBehaviour.Garbage:
                    await SendAsync(context, "text/plain", Encoding.UTF8.GetBytes("<<< Tally crashed \u0001 here is no XML >>>"));
                    return;
            }
            var charset = AnswerEncoding is TallyFileEncoding.Utf16LeBom or TallyFileEncoding.Utf16BeBom ? "utf-16" : "utf-8";
            var answer = TallyXmlBuilder.Encode(Answer(request, envelope), AnswerEncoding);
            var preamble = ByteOrderMark ? 0 : AnswerEncoding switch
            {
                TallyFileEncoding.Utf8Bom => 3,
                TallyFileEncoding.Utf16LeBom or TallyFileEncoding.Utf16BeBom => 2,
                _ => 0,
            };
            await SendAsync(context, $"text/xml; charset={charset}", answer[preamble..]);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up or the stand-in was disposed while answering.
        }
    }

    static async Task SendAsync(HttpListenerContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    static string Decode(byte[] bytes, string contentType)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        return contentType.Contains("utf-16", StringComparison.OrdinalIgnoreCase)
            ? Encoding.Unicode.GetString(bytes)
            : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads the request as Tally would: by its header (TALLYREQUEST, TYPE, ID or REPORTNAME) and its static variables.</summary>
    static (TallyStandInRequest Request, XElement? Envelope) Recognise(string contentType, string body)
    {
        XElement envelope;
        try
        {
            envelope = XElement.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            return (new TallyStandInRequest(contentType, body, "unknown", null, null, null), null);
        }
        var header = envelope.Element("HEADER");
        var tallyRequest = Value(header?.Element("TALLYREQUEST"));
        var type = Value(header?.Element("TYPE"));
        var id = Value(header?.Element("ID"));
        XElement? description;
        string? report;
        if (Same(tallyRequest, "Export Data"))
        {
            description = envelope.Element("BODY")?.Element("EXPORTDATA")?.Element("REQUESTDESC");
            report = Value(description?.Element("REPORTNAME"));
        }
        else
        {
            description = envelope.Element("BODY")?.Element("DESC");
            report = Same(type, "Data") ? id : null;
        }
        var variables = description?.Element("STATICVARIABLES");
        string? Variable(string name) =>
            Value(variables?.Elements().FirstOrDefault(v => v.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase)));

        var collection = description?.Element("TDL")?.Element("TDLMESSAGE")?.Elements("COLLECTION")
            .FirstOrDefault(c => Same((string?)c.Attribute("NAME"), id));
        var kind =
            Same(tallyRequest, "Export") && Same(type, "Collection") && Same(Value(collection?.Element("TYPE")), "Company") ? "companies"
            : Same(report, "List of Accounts") && Same(Variable("ACCOUNTTYPE"), "All Masters") ? "masters"
            : Same(report, "Day Book") ? "day-book"
            : "unknown";
        return (new TallyStandInRequest(contentType, body, kind, Variable("SVCURRENTCOMPANY"), Variable("SVFROMDATE"), Variable("SVTODATE")), envelope);
    }

    string Answer(TallyStandInRequest request, XElement? envelope)
    {
        if (request.Kind == "companies")
        {
            return Companies();
        }
        if (request.Kind == "unknown" || envelope is null)
        {
            return LineError("Unknown Request, cannot be processed");
        }
        var company = request.Company is null
            ? _companies.FirstOrDefault()
            : _companies.FirstOrDefault(c => c.Name.Equals(request.Company, StringComparison.OrdinalIgnoreCase));
        if (company is null)
        {
            return LineError($"Could not set 'SVCurrentCompany' to '{request.Company}'");
        }
        var export = new TallyXmlBuilder()
            .Company($"{company.Name} - (from {company.BooksFrom.ToString("d-MMM-yy", CultureInfo.InvariantCulture)})")
            .Prolog(ExportProlog);
        if (request.Kind == "masters")
        {
            foreach (var message in company.MasterMessages)
            {
                export.Message(message);
            }
            return export.Xml();
        }
        if (!TryDate(request.FromDate, out var from) || !TryDate(request.ToDate, out var to))
        {
            return export.Xml();
        }
        foreach (var voucher in company.Vouchers.Where(v => v.Date >= from && v.Date <= to))
        {
            export.Message(voucher.Xml);
        }
        return export.Xml();
    }

    string Companies()
    {
        var collection = new XElement("COLLECTION", _companies.Select(c => new XElement("COMPANY",
            new XAttribute("NAME", c.Name),
            new XAttribute("RESERVEDNAME", ""),
            new XElement("STARTINGFROM", new XAttribute("TYPE", "Date"), c.BooksFrom.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            new XElement("BOOKSFROM", new XAttribute("TYPE", "Date"), c.BooksFrom.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            new XElement("GUID", new XAttribute("TYPE", "String"), c.Guid),
            new XElement("NAME", new XAttribute("TYPE", "String"), c.Name))));
        return new XElement("ENVELOPE",
            new XElement("HEADER", new XElement("VERSION", "1"), new XElement("STATUS", "1")),
            new XElement("BODY",
                new XElement("DESC", new XElement("CMPINFO", new XElement("COMPANY", _companies.Count), new XElement("LEDGER", 0))),
                new XElement("DATA", collection))).ToString();
    }

    static string LineError(string message) =>
        new XElement("ENVELOPE", new XElement("LINEERROR", message)).ToString(SaveOptions.DisableFormatting);

    static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    static string? Value(XElement? element) => element?.Value.Trim();

    static bool Same(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
