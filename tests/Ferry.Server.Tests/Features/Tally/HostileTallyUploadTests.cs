using System.Net;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;
using static Ferry.Tests.Fixtures.TallyXmlBuilder;

namespace Ferry.Server.Tests.Features.Tally;

/// <summary>Tally exports that are hostile or broken, through the API: refused whole, or imported without the bad voucher.</summary>
public sealed class HostileTallyUploadTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static byte[] BadExport(string kind) => kind switch
    {
        "billion laughs" => TallyExport.Books()
            .Prolog("""
                <!DOCTYPE ENVELOPE [
                 <!ENTITY lol "lol">
                 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>

                """)
            .Message("<LEDGER NAME=\"Laughs\"><PARENT>&lol9;</PARENT></LEDGER>")
            .Utf16(),
        "external entity" => TallyExport.Books()
            .Prolog("<!DOCTYPE ENVELOPE [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\r\n")
            .Message("<LEDGER NAME=\"Leak\"><PARENT>&xxe;</PARENT></LEDGER>")
            .Utf16(),
        "truncated among the masters" => Truncated(0.25),
        "truncated in the last voucher" => Truncated(0.95),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static byte[] Truncated(double share)
    {
        var xml = TallyExport.Books().Xml();
        return Encode(xml[..(int)(xml.Length * share)], TallyFileEncoding.Utf16LeBom);
    }

    [Theory]
    [InlineData("billion laughs")]
    [InlineData("external entity")]
    [InlineData("truncated among the masters")]
    [InlineData("truncated in the last voucher")]
    public async Task A_hostile_or_broken_export_is_refused_with_MIG001_and_nothing_is_kept(string kind)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = (await client.CreateBooksJobAsync()).GetProperty("id").GetGuid();
        var before = await client.ErpSnapshotAsync();

        using var response = await client.UploadAsync(jobId, BadExport(kind), "DayBook.xml");

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG001");
        Assert.DoesNotContain("root:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("draft", job.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, job.GetProperty("file").ValueKind);
        Assert.Empty(StoredFilesOf(jobId));
        Assert.Equal(before, await client.ErpSnapshotAsync());
        using var health = await client.GetAsync("/api/v1/migration/health", Ct);
        await FerryApi.ExpectAsync(health, HttpStatusCode.OK);
        var good = await client.UploadBooksAsync(jobId, TallyExport.Books().Utf16());
        Assert.Equal("uploaded", good.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unbalanced_voucher_is_reported_before_the_import_and_left_out_of_it()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var unbalanced = Voucher("Journal", "J-2", "20240407", "Cash", lines:
        [
            LedgerEntry("Cash", -100m, deemedPositive: true),
            LedgerEntry("Capital", 99.50m, deemedPositive: false),
        ]);
        var jobId = (await client.CreateBooksJobAsync()).GetProperty("id").GetGuid();

        var uploaded = await client.UploadBooksAsync(jobId, TallyExport.Books(TallyExport.SalesInvoice, TallyExport.Receipt, TallyExport.Journal, unbalanced).Utf16());
        await client.AutoMapAsync(jobId);
        var report = await client.ValidateAsync(jobId);
        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);

        Assert.Equal(1, uploaded.GetProperty("file").GetProperty("books").GetProperty("unbalanced_vouchers").GetInt64());
        Assert.Equal(1, report.GetProperty("records_invalid").GetInt64());
        var issue = Assert.Single(report.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        Assert.Contains("J-2", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("does not balance", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, report.GetProperty("by_entity").GetProperty("vouchers").GetProperty("failed").GetInt64());
        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(1, progress.GetProperty("records_failed").GetInt64());
        var vouchers = await client.ErpAsync("vouchers", jobId);
        Assert.Equal(["INV-101", "J-1", "R-1"], vouchers.Items().Select(v => v.GetProperty("number").GetString()).Order(StringComparer.Ordinal));
        var error = Assert.Single((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error")).Items());
        Assert.Equal("MIG004", error.GetProperty("error_code").GetString());
        Assert.Contains("J-2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var journal = (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/reconciliation")).GetProperty("vouchers_by_type").GetProperty("Journal");
        Assert.Equal((2L, 1L, false), (journal.GetProperty("source").GetProperty("count").GetInt64(), journal.GetProperty("erp").GetProperty("count").GetInt64(),
            journal.GetProperty("matches").GetBoolean()));
    }

    IEnumerable<string> StoredFilesOf(Guid jobId)
    {
        var uploads = Path.Combine(app.Folder, "uploads");
        return Directory.Exists(uploads)
            ? Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories).Where(f => f.Contains(jobId.ToString("N"), StringComparison.Ordinal))
            : [];
    }
}
