using System.Net;
using System.Text;
using Ferry.Server.Tests.Infrastructure;
using Ferry.Tests.Fixtures;

namespace Ferry.Server.Tests.Features.Jobs;

public sealed class UploadTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static byte[] BadFile(string kind) => kind switch
    {
        "empty" => [],
        "header only" => Encoding.UTF8.GetBytes("Customer Name,E-mail,City\r\n"),
        "blank lines only" => Encoding.UTF8.GetBytes("\r\n\r\n\r\n"),
        "binary with NUL bytes" => [0x43, 0x75, 0x73, 0x00, 0x01, 0x02, 0xFE, 0x00, 0x41, 0x2C, 0x42, 0x0A, 0x00, 0x7F, 0x10],
        "PNG image" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
        "XLSX workbook" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00],
        "ragged row with an extra value" => Encoding.UTF8.GetBytes(TestData.Csv(
            "Customer Name,E-mail,City",
            "Acme Traders,a@acme.example,Mumbai",
            "Bharat Stores,b@bharat.example,Pune,Maharashtra")),
        "zip bomb in a workbook" => Workbook(new XlsxBuilder().ZeroFilledPart("xl/media/image1.png", 1L << 30)),
        "macro-enabled workbook" => Workbook(new XlsxBuilder().MacroEnabled()),
        "workbook of five sheets with a value at XFD1" => FiveSheetsWithAValueAtXfd1(),
        "CSV of 200,000 columns" => Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(1, 200_000).Select(i => $"c{i}")) + "\n"),
        "JSON nested 10,000 deep" => Encoding.UTF8.GetBytes("[" + new string('[', 10_000) + new string(']', 10_000) + "]"),
        "XML declaring entities" => Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ENVELOPE>&x;</ENVELOPE>"),
        "a Word document" => Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" " +
            "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"), ("word/document.xml", "<document/>")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static byte[] Workbook(XlsxBuilder builder)
    {
        builder.Sheet("Customers").Row(1, "Customer Name", "City").Row(2, "Acme", "Pune");
        return Saved(builder);
    }

    static byte[] FiveSheetsWithAValueAtXfd1()
    {
        var builder = new XlsxBuilder();
        for (var i = 1; i <= 5; i++)
        {
            builder.Sheet($"Sheet{i}").Cell("XFD1", "x");
        }
        return Saved(builder);
    }

    static byte[] Saved(XlsxBuilder builder)
    {
        var path = Path.GetTempFileName();
        try
        {
            builder.Save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ferry-{Guid.NewGuid():N}.zip");
        try
        {
            XlsxBuilder.Zip(path, entries);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("header only")]
    [InlineData("blank lines only")]
    [InlineData("binary with NUL bytes")]
    [InlineData("PNG image")]
    [InlineData("XLSX workbook")]
    [InlineData("ragged row with an extra value")]
    [InlineData("zip bomb in a workbook")]
    [InlineData("macro-enabled workbook")]
    [InlineData("workbook of five sheets with a value at XFD1")]
    [InlineData("CSV of 200,000 columns")]
    [InlineData("JSON nested 10,000 deep")]
    [InlineData("XML declaring entities")]
    [InlineData("a Word document")]
    public async Task A_file_that_is_not_a_usable_table_is_refused_with_MIG001_and_changes_nothing(string kind)
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.UploadAsync(jobId, BadFile(kind));

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG001");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal("draft", job.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, job.GetProperty("file").ValueKind);
        Assert.Equal(0, (await client.ErpAsync("contacts")).Total());
        using var health = await client.GetAsync("/api/v1/migration/health", Ct);
        await FerryApi.ExpectAsync(health, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_ragged_row_is_named_in_the_error()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.UploadAsync(jobId, BadFile("ragged row with an extra value"));

        var problem = await FerryApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "MIG001");
        Assert.Contains("Row 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_refused_a_bad_file_accepts_a_good_one_afterwards()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        using (var bad = await client.UploadAsync(jobId, BadFile("PNG image")))
        {
            await FerryApi.ExpectProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "MIG001");
        }

        var job = await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City", $"Good Customer {TestData.Tag()},Mumbai"));

        Assert.Equal("uploaded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("file").GetProperty("row_count").GetInt64());
    }

    [Fact]
    public async Task Uploading_again_replaces_the_file_and_clears_the_mappings()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, TestData.Csv("Customer Name,City", "First Customer,Mumbai"));
        await client.AutoMapAsync(jobId);

        var job = await client.UploadCsvAsync(jobId, TestData.Csv("Party Name,E-mail", "Second Customer,s@second.example", "Third Customer,t@third.example"));

        Assert.Equal("uploaded", job.GetProperty("status").GetString());
        Assert.Equal(["Party Name", "E-mail"], await client.ColumnsAsync(jobId));
        Assert.Equal(2, job.GetProperty("file").GetProperty("row_count").GetInt64());
        Assert.Empty((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/mappings")).GetProperty("mappings").EnumerateArray());
    }

    [Fact]
    public async Task A_semicolon_separated_windows_1252_export_is_read()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        var name = $"Café Süd {TestData.Tag()}";
        var bytes = Encoding.Latin1.GetBytes(TestData.Csv("Customer Name;City", $"{name};Pune"));

        using var response = await client.UploadAsync(jobId, bytes);

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        var file = (await response.ReadJsonAsync()).GetProperty("file");
        Assert.Equal(";", file.GetProperty("delimiter").GetString());
        Assert.Equal("windows-1252", file.GetProperty("encoding").GetString());
        Assert.Equal(name, (await client.ProfileAsync(jobId)).GetProperty("preview")[0].GetProperty("Customer Name").GetString());
    }

    [Fact]
    public async Task A_request_without_the_file_field_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.UploadAsync(jobId, Encoding.UTF8.GetBytes(TestData.Csv("Customer Name", "Acme")), field: "document");

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task A_request_that_is_not_multipart_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        using var body = new StringContent(TestData.Csv("Customer Name", "Acme"), Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/upload", body, Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("draft", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task The_client_file_name_is_kept_without_its_path()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.UploadAsync(jobId, Encoding.UTF8.GetBytes(TestData.Csv("Customer Name", "Acme")), fileName: "../../etc/customers.csv");

        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("customers.csv", (await response.ReadJsonAsync()).GetProperty("file").GetProperty("name").GetString());
    }
}
