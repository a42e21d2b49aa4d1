using System.Net;
using Ferry.Core;
using Ferry.Sources.Tally;
using Ferry.Sources.Tally.Live;
using Ferry.Testing;
using Ferry.Tests.Fixtures;

namespace Ferry.Sources.Tests.Tally.Live;

[UseCulture("de-DE")]
public sealed class TallyClientTests : IDisposable
{
    readonly TallyStandIn _tally = TallyLiveBooks.StandIn();
    readonly TempFolder _folder = new();

    public void Dispose()
    {
        _tally.Dispose();
        _folder.Dispose();
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_companies_are_listed_with_their_books_date_and_guid()
    {
        var companies = await TallyLiveBooks.Client(_tally).ListCompaniesAsync(Ct);

        Assert.Equal(
            [
                new TallyOpenCompany(TallyLiveBooks.Acme, new DateOnly(2024, 4, 1), "a1b2c3d4-0000-4000-8000-000000000001"),
                new TallyOpenCompany("Globex Foods", new DateOnly(2023, 4, 1), "a1b2c3d4-0000-4000-8000-000000000002"),
            ],
            companies);
        var request = Assert.Single(_tally.Requests);
        Assert.Equal("companies", request.Kind);
        Assert.Contains("utf-16", request.ContentType, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(TallyFileEncoding.Utf16LeBom, true)]
    [InlineData(TallyFileEncoding.Utf16LeBom, false)]
    [InlineData(TallyFileEncoding.Utf8, false)]
    public async Task Masters_and_day_book_pulled_from_Tally_merge_into_one_file_the_reader_reads(TallyFileEncoding answers, bool byteOrderMark)
    {
        _tally.AnswerEncoding = answers;
        _tally.ByteOrderMark = byteOrderMark;
        var client = TallyLiveBooks.Client(_tally);
        using var masters = new MemoryStream();
        using var dayBook = new MemoryStream();

        await client.ExportMastersAsync(TallyLiveBooks.Acme, masters, Ct);
        await client.ExportDayBookAsync(TallyLiveBooks.Acme, new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), dayBook, Ct);
        var path = Merge(masters, dayBook);

        var summary = TallyInspector.Inspect(path);
        Assert.Equal(("utf-8", TallyLiveBooks.Acme), (summary.Encoding, summary.Company));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["groups"] = 2, ["ledgers"] = 3, ["stock_groups"] = 0, ["stock_categories"] = 0, ["stock_items"] = 0,
                ["units"] = 1, ["godowns"] = 0, ["voucher_types"] = 2, ["vouchers"] = 3,
            },
            summary.Entities);
        Assert.Equal(new Dictionary<string, int> { ["Sales"] = 1, ["Receipt"] = 2 }, summary.VouchersByType);
        Assert.Equal(["masters", "day-book"], _tally.Requests.Select(r => r.Kind));
        Assert.All(_tally.Requests, r => Assert.Equal(TallyLiveBooks.Acme, r.Company));
    }

    [Fact]
    public async Task An_export_far_larger_than_what_is_checked_first_arrives_whole()
    {
        using var tally = new TallyStandIn();
        tally.Open("Big Books", TallyLiveBooks.BooksFrom)
            .Masters([.. Enumerable.Range(1, 2000).Select(i => TallyXmlBuilder.Ledger($"Customer {i:0000}", "Sundry Debtors", opening: -i))]);
        using var masters = new MemoryStream();
        using var dayBook = new MemoryStream();
        var client = TallyLiveBooks.Client(tally);

        await client.ExportMastersAsync("Big Books", masters, Ct);
        await client.ExportDayBookAsync("Big Books", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), dayBook, Ct);

        Assert.True(masters.Length > 1024 * 1024, $"the answer was only {masters.Length} bytes");
        var summary = TallyInspector.Inspect(Merge(masters, dayBook));
        Assert.Equal((2000, 0), (summary.Entities["ledgers"], summary.Entities["vouchers"]));
    }

    [Fact]
    public async Task The_day_book_holds_only_the_vouchers_of_the_requested_period()
    {
        var client = TallyLiveBooks.Client(_tally);
        using var masters = new MemoryStream();
        using var dayBook = new MemoryStream();

        await client.ExportMastersAsync(TallyLiveBooks.Acme, masters, Ct);
        await client.ExportDayBookAsync(TallyLiveBooks.Acme, new DateOnly(2024, 4, 2), new DateOnly(2024, 4, 8), dayBook, Ct);

        var request = _tally.Requests[^1];
        Assert.Equal(("day-book", "20240402", "20240408"), (request.Kind, request.FromDate, request.ToDate));
        var vouchers = TallyBooks.ReadAll(Merge(masters, dayBook)).OfType<TallyVoucher>().ToList();
        Assert.Equal(["R-1"], vouchers.Select(v => v.Number));
    }

    [Fact]
    public async Task A_company_Tally_does_not_have_open_is_INT004_naming_it_and_the_open_companies()
    {
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally).ExportMastersAsync("Initech", destination, Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidConfiguration, error.ErrorCode);
        Assert.Contains("'Initech'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Could not set 'SVCurrentCompany' to 'Initech'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{TallyLiveBooks.Acme}', 'Globex Foods'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task A_port_nothing_listens_on_is_the_same_INT008_as_an_answer_that_is_not_Tally_s()
    {
        var closedPort = TallyStandIn.ClosedPort();
        var client = new TallyClient(new HttpClient(), new TallyServer("127.0.0.1", closedPort));
        _tally.Behaviour = TallyStandInBehaviour.Garbage;

        var closed = await Assert.ThrowsAsync<FerryException>(() => client.ListCompaniesAsync(Ct));
        var garbage = await Assert.ThrowsAsync<FerryException>(() => TallyLiveBooks.Client(_tally).ListCompaniesAsync(Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, closed.ErrorCode);
        Assert.Contains("TallyPrime acting as Server", closed.Message, StringComparison.Ordinal);
        Assert.Equal(WithoutPort(garbage.Message, _tally.Port), WithoutPort(closed.Message, closedPort));
    }

    [Fact]
    public async Task A_Tally_that_never_answers_is_INT001_and_nothing_is_saved()
    {
        _tally.Behaviour = TallyStandInBehaviour.Hang;
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally, TimeSpan.FromMilliseconds(300)).ExportMastersAsync(TallyLiveBooks.Acme, destination, Ct));

        Assert.Equal(ErrorCodes.IntegrationTimeout, error.ErrorCode);
        Assert.Contains($"127.0.0.1:{_tally.Port} within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task A_pull_the_caller_cancels_is_a_cancellation_not_a_timeout()
    {
        _tally.Behaviour = TallyStandInBehaviour.Hang;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TallyLiveBooks.Client(_tally).ListCompaniesAsync(cancel.Token));
    }

    [Fact]
    public async Task An_export_answer_that_is_not_XML_is_INT008_and_nothing_is_saved()
    {
        _tally.Behaviour = TallyStandInBehaviour.Garbage;
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally).ExportDayBookAsync(TallyLiveBooks.Acme, new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30), destination, Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
        Assert.DoesNotContain("crashed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task A_companies_answer_that_is_not_XML_is_INT008()
    {
        _tally.Behaviour = TallyStandInBehaviour.Garbage;

        var error = await Assert.ThrowsAsync<FerryException>(() => TallyLiveBooks.Client(_tally).ListCompaniesAsync(Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task An_HTTP_error_status_is_INT008_that_does_not_say_which_status(HttpStatusCode status)
    {
        _tally.Behaviour = TallyStandInBehaviour.Garbage;
        var garbage = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally).ExportMastersAsync(TallyLiveBooks.Acme, Stream.Null, Ct));
        _tally.Behaviour = TallyStandInBehaviour.HttpError;
        _tally.ErrorStatus = status;
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally).ExportMastersAsync(TallyLiveBooks.Acme, destination, Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
        Assert.Equal(garbage.Message, error.Message);
        Assert.DoesNotContain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task An_answer_with_a_billion_laughs_DTD_is_INT008_and_nothing_is_saved()
    {
        _tally.ExportProlog = """
            <!DOCTYPE ENVELOPE [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>

            """;
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally).ExportMastersAsync(TallyLiveBooks.Acme, destination, Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidResponse, error.ErrorCode);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task A_period_that_runs_backwards_is_INT004_and_nothing_is_asked_of_Tally()
    {
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            TallyLiveBooks.Client(_tally).ExportDayBookAsync(TallyLiveBooks.Acme, new DateOnly(2024, 4, 30), new DateOnly(2024, 4, 1), destination, Ct));

        Assert.Equal(ErrorCodes.IntegrationInvalidConfiguration, error.ErrorCode);
        Assert.Empty(_tally.Requests);
    }

    static string WithoutPort(string message, int port) =>
        message.Replace(port.ToString(System.Globalization.CultureInfo.InvariantCulture), "PORT", StringComparison.Ordinal);

    string Merge(MemoryStream masters, MemoryStream dayBook)
    {
        masters.Position = 0;
        dayBook.Position = 0;
        var path = Path.Combine(_folder.Path, "tally-sync.xml");
        using var output = File.Create(path);
        TallySyncFile.Write(masters, dayBook, output, Ct);
        return path;
    }
}
