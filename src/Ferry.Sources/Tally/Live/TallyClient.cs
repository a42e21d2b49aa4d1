using System.Globalization;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Ferry.Core;

namespace Ferry.Sources.Tally.Live;

/// <summary>
/// Talks to a running Tally's XML server: lists the companies it has open, and streams a company's All Masters and
/// Day Book exports into a stream. An answer that is a Tally error or no Tally export is refused before any of it is
/// written. <see cref="Timeout"/> is how long Tally may stay silent, before it answers and between two reads.
/// </summary>
/// <remarks>
/// Until an answer shows Tally's ENVELOPE, every failure but a timeout or an unknown host name is one and the same
/// INT008 that repeats nothing of what came back: a closed port, an unreachable host and another program's answer
/// (any HTTP status, any body) look alike, so the connection test cannot map which ports the server reaches.
/// </remarks>
public sealed class TallyClient(HttpClient http, TallyServer server, TimeSpan timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Enough to pass Tally's header and reach the export data or the error, never a whole export.</summary>
    const int HeadBytes = 16 * 1024;
    const int CopyBytes = 80 * 1024;
    const int CompaniesLimitBytes = 4 * 1024 * 1024;

    readonly TallyServer _server = server.Validate();

    public TallyClient(HttpClient http, TallyServer server)
        : this(http, server, DefaultTimeout)
    {
    }

    public TallyServer Server => _server;

    public TimeSpan Timeout { get; } = timeout > TimeSpan.Zero || timeout == System.Threading.Timeout.InfiniteTimeSpan
        ? timeout
        : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive or infinite.");

    string Address => $"{_server.BaseAddress.Host}:{_server.Port}";

    public async Task<IReadOnlyList<TallyOpenCompany>> ListCompaniesAsync(CancellationToken cancellationToken = default)
    {
        const string what = "list of open companies";
        using var response = await SendAsync(TallyRequests.OpenCompanies(), what, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var answer = new MemoryStream();
        var buffer = new byte[CopyBytes];
        int read;
        while ((read = await ReadSomeAsync(body, buffer, what, identified: false, cancellationToken)) > 0)
        {
            if (answer.Length + read > CompaniesLimitBytes)
            {
                throw NoTallyAnswer(what);
            }
            answer.Write(buffer, 0, read);
        }
        return Companies(answer.GetBuffer(), (int)answer.Length, what);
    }

    /// <summary>Writes the company's "All Masters" export (XML Data Interchange) to <paramref name="destination"/> as Tally sends it.</summary>
    public Task ExportMastersAsync(string company, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var name = CompanyName(company);
        return ExportAsync(name, TallyRequests.AllMasters(name), "All Masters export", destination, cancellationToken);
    }

    /// <summary>Writes the company's Day Book for <paramref name="from"/>..<paramref name="to"/>, both included, to <paramref name="destination"/>.</summary>
    public Task ExportDayBookAsync(string company, DateOnly from, DateOnly to, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var name = CompanyName(company);
        if (from > to)
        {
            throw new FerryException(
                ErrorCodes.IntegrationInvalidConfiguration,
                $"The Day Book period runs backwards: from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}. Put the earlier date first.");
        }
        return ExportAsync(name, TallyRequests.DayBook(name, from, to), $"Day Book export ({from:yyyy-MM-dd} to {to:yyyy-MM-dd})", destination, cancellationToken);
    }

    async Task ExportAsync(string company, byte[] request, string what, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, what, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var head = new byte[HeadBytes];
        var length = 0;
        var ended = false;
        while (length < head.Length && !ended)
        {
            var read = await ReadSomeAsync(body, head.AsMemory(length), what, identified: false, cancellationToken);
            length += read;
            ended = read == 0;
        }

        var verdict = TallyExportHead.Judge(head, length, complete: ended);
        if (!verdict.IsTally)
        {
            throw NoTallyAnswer(what);
        }
        if (verdict.LineErrors.Count > 0)
        {
            throw await CompanyRefusedAsync(company, what, verdict.LineErrors, cancellationToken);
        }
        if (verdict.Problem is { } problem)
        {
            throw new FerryException(
                ErrorCodes.IntegrationInvalidResponse,
                $"Tally at {Address} answered the {what} request with something that is not a Tally XML export: {problem}. Nothing was saved. Check that {Address} is Tally's XML server (F1 Help > Settings > Connectivity) and not another program, then try again.");
        }

        await destination.WriteAsync(head.AsMemory(0, length), cancellationToken);
        var buffer = new byte[CopyBytes];
        int copied;
        while (!ended && (copied = await ReadSomeAsync(body, buffer, what, identified: true, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, copied), cancellationToken);
        }
        await destination.FlushAsync(cancellationToken);
    }

    async Task<HttpResponseMessage> SendAsync(byte[] body, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.BaseAddress)
        {
            Content = new ByteArrayContent(body)
            {
                Headers = { ContentType = new MediaTypeHeaderValue(TallyRequests.ContentType, TallyRequests.CharSet) },
            },
        };
        using var timer = Timer(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
        }
        catch (Exception e) when (Translate(e, what, identified: false, cancellationToken) is { } error)
        {
            throw error;
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        response.Dispose();
        throw NoTallyAnswer(what);
    }

    /// <param name="identified">Whether the answer has shown itself to be Tally's, so a failure may say what happened.</param>
    async Task<int> ReadSomeAsync(Stream body, Memory<byte> buffer, string what, bool identified, CancellationToken cancellationToken)
    {
        using var timer = Timer(cancellationToken);
        try
        {
            return await body.ReadAsync(buffer, timer.Token);
        }
        catch (Exception e) when (Translate(e, what, identified, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    CancellationTokenSource Timer(CancellationToken cancellationToken)
    {
        var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(Timeout);
        return timer;
    }

    /// <summary>
    /// The error a user can act on for a failed exchange, or null to let the exception through: the caller's own
    /// cancellation is not a Tally problem. A host the connection refused to reach keeps its own error.
    /// </summary>
    FerryException? Translate(Exception e, string what, bool identified, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        if (RefusedHostOf(e) is { } refused)
        {
            return refused;
        }
        var (code, message) = e switch
        {
            OperationCanceledException => (ErrorCodes.IntegrationTimeout,
                $"Tally did not answer the {what} request at {Address} within {Seconds(Timeout)}. Check that Tally is running with its XML server enabled (F1 Help > Settings > Connectivity: TallyPrime acts as Server, port {_server.Port}), that the port is reachable, and that Tally is not waiting on an open dialog."),
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => (ErrorCodes.IntegrationNetworkError,
                $"The computer name '{_server.Host}' could not be found on the network. Check the Tally host name, or enter the IP address of the computer running Tally."),
            HttpRequestException or IOException when !identified => (ErrorCodes.IntegrationInvalidResponse, NoTallyAnswerText(what)),
            HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => (ErrorCodes.IntegrationUnavailable,
                $"Tally at {Address} stopped in the middle of the {what}. Check that Tally is still running and has not shown an error, then try again."),
            HttpRequestException or IOException => (ErrorCodes.IntegrationNetworkError,
                $"The connection to Tally at {Address} failed during the {what}: {e.Message} Check the network between this computer and Tally, then try again."),
            _ => (null, null),
        };
        return code is null ? null : new FerryException(code, message!, e);
    }

    /// <summary>The one answer for a closed port, an unreachable host and another program alike; see the remarks on this class.</summary>
    FerryException NoTallyAnswer(string what) => new(ErrorCodes.IntegrationInvalidResponse, NoTallyAnswerText(what));

    string NoTallyAnswerText(string what) =>
        $"No Tally answered the {what} request at {Address}: nothing listens there, the network cannot reach it, or a program other than Tally's XML server answered. Check that Tally runs on that computer with a company open, that F1 Help > Settings > Connectivity has TallyPrime acting as Server (or Both) on port {_server.Port}, and that no firewall blocks that port.";

    async Task<FerryException> CompanyRefusedAsync(string company, string what, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        string open;
        try
        {
            var companies = await ListCompaniesAsync(cancellationToken);
            open = companies.Count == 0
                ? " No company is open in Tally now."
                : $" Companies open in Tally now: {string.Join(", ", companies.Select(c => $"'{c.Name}'"))}.";
        }
        catch (FerryException)
        {
            open = "";
        }
        return new FerryException(
            ErrorCodes.IntegrationInvalidConfiguration,
            $"Tally refused the {what} of company '{company}': {string.Join("; ", errors)}. Open the company in Tally (F3: Select Company) and use its name exactly as Tally lists it.{open}")
        {
            Field = "company",
        };
    }

    List<TallyOpenCompany> Companies(byte[] answer, int length, string what)
    {
        var companies = new List<TallyOpenCompany>();
        var errors = new List<string>();
        var entered = false;
        try
        {
            using var xml = TallyAnswerXml.Over(answer, length, strict: false);
            if (TallyAnswerXml.EnterEnvelope(xml) is not null)
            {
                throw NoTallyAnswer(what);
            }
            entered = true;
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                }
                else if (xml.LocalName == "LINEERROR")
                {
                    errors.Add(xml.ReadElementContentAsString().Trim());
                }
                else if (xml.LocalName == "COMPANY")
                {
                    var company = (XElement)XNode.ReadFrom(xml);
                    if (TallyValues.Name(company) is { Length: > 0 } name)
                    {
                        companies.Add(new TallyOpenCompany(
                            name,
                            DateOf(company, "BOOKSFROM") ?? DateOf(company, "STARTINGFROM"),
                            TallyValues.Text(company, "GUID")));
                    }
                }
                else
                {
                    xml.Read();
                }
            }
        }
        catch (XmlException e)
        {
            throw entered ? NotAnAnswer(what, TallyAnswerXml.Describe(e), e) : NoTallyAnswer(what);
        }
        if (errors.Count > 0)
        {
            throw new FerryException(
                ErrorCodes.IntegrationInvalidConfiguration,
                $"Tally at {Address} refused to list its open companies: {string.Join("; ", errors)}. Check that Tally is running with a company open (F3: Select Company).");
        }
        return companies;
    }

    FerryException NotAnAnswer(string what, string problem, Exception? inner = null) => new(
        ErrorCodes.IntegrationInvalidResponse,
        $"Tally at {Address} answered the {what} request with something that is not a Tally XML answer: {problem}. Check that {Address} is Tally's XML server (F1 Help > Settings > Connectivity) and not another program.",
        inner);

    static string CompanyName(string company)
    {
        var name = company?.Trim() ?? "";
        return name.Length > 0
            ? name
            : throw new FerryException(ErrorCodes.IntegrationInvalidConfiguration, "No Tally company was named. Pick one of the companies Tally lists as open.")
            {
                Field = "company",
            };
    }

    static DateOnly? DateOf(XElement company, string name) =>
        DateOnly.TryParseExact(TallyValues.Text(company, name), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    static FerryException? RefusedHostOf(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is FerryException refused)
            {
                return refused;
            }
        }
        return null;
    }

    static string Seconds(TimeSpan timeout) =>
        timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "any time"
            : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
