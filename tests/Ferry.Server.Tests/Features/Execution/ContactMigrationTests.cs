using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Execution;

/// <summary>The curl walk-through of the guide for a customer file: create, upload, map, validate, execute, watch, read, roll back.</summary>
public sealed class ContactMigrationTests(FerryApp app) : IClassFixture<FerryApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record CustomerFile(string Csv, string Acme, string Bharat, string Broken, string AcmeGstin, string BharatGstin);

    /// <summary>Two good customers and, on spreadsheet row 4, one with a malformed e-mail address.</summary>
    static CustomerFile Customers()
    {
        var tag = TestData.Tag();
        var acmeGstin = TestData.Gstin("07");
        var bharatGstin = TestData.Gstin("29");
        var csv = TestData.Csv(
            "Customer Name,E-mail,GSTIN,Phone,City,Opening Balance",
            $"Acme Traders {tag},accounts@acme.example,{acmeGstin},+91 11 4000 1000,New Delhi,\"1,18,000.00 Cr\"",
            $"Bharat Stores {tag},sales@bharat.example,{bharatGstin},080-4000-2000,Bengaluru,2500",
            $"Chetan Agencies {tag},not-an-email,,98450 12345,Pune,0");
        return new CustomerFile(csv, $"Acme Traders {tag}", $"Bharat Stores {tag}", $"Chetan Agencies {tag}", acmeGstin, bharatGstin);
    }

    static JsonElement ByName(JsonElement page, string name) =>
        Assert.Single(page.Items(), c => c.GetProperty("display_name").GetString() == name);

    [Fact]
    public async Task A_customer_file_walks_through_create_upload_map_validate_execute_read_and_rollback()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var file = Customers();

        // Another migration's customer, which the rollback below must leave alone.
        var otherTag = TestData.Tag();
        var (otherJob, otherProgress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Other Customer {otherTag},Chennai"));
        Assert.Equal("completed", otherProgress.GetProperty("status").GetString());

        var created = await client.CreateJobAsync("contacts");
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal("skip", created.GetProperty("conflict_strategy").GetString());
        var jobId = created.GetProperty("id").GetGuid();

        var uploaded = await client.UploadCsvAsync(jobId, file.Csv, "customers.csv");
        Assert.Equal("uploaded", uploaded.GetProperty("status").GetString());
        var profile = uploaded.GetProperty("file");
        Assert.Equal("customers.csv", profile.GetProperty("name").GetString());
        Assert.Equal(3, profile.GetProperty("row_count").GetInt64());
        Assert.Equal(
            ["Customer Name", "E-mail", "GSTIN", "Phone", "City", "Opening Balance"],
            await client.ColumnsAsync(jobId));

        var mapping = await client.AutoMapAsync(jobId);
        Assert.Empty(mapping.GetProperty("missing_required_fields").EnumerateArray());

        var report = await client.ValidateAsync(jobId);
        Assert.Equal(3, report.GetProperty("records_total").GetInt64());
        Assert.Equal(2, report.GetProperty("records_valid").GetInt64());
        Assert.Equal(1, report.GetProperty("records_invalid").GetInt64());
        Assert.Equal(2, report.GetProperty("would_insert").GetInt64());
        Assert.Equal("validated", await client.StatusOfAsync(jobId));
        // A dry run writes nothing.
        Assert.Equal(0, (await client.ErpAsync("contacts", jobId)).Total());

        using (var execute = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/execute", null, Ct))
        {
            await FerryApi.ExpectAsync(execute, HttpStatusCode.Accepted);
            var accepted = await execute.ReadJsonAsync();
            Assert.Equal(jobId, accepted.GetProperty("job_id").GetGuid());
            Assert.Equal("queued", accepted.GetProperty("status").GetString());
            var progressUrl = accepted.GetProperty("progress_url").GetString();
            Assert.Equal($"{FerryApi.Jobs}/{jobId}/progress", progressUrl);
            Assert.Equal(progressUrl, execute.Headers.Location?.OriginalString);
        }

        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(100, progress.GetProperty("percentage").GetDouble());
        Assert.Equal(3, progress.GetProperty("records_total").GetInt64());
        Assert.Equal(3, progress.GetProperty("records_processed").GetInt64());
        Assert.Equal(2, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_failed").GetInt64());
        Assert.Equal(0, progress.GetProperty("records_skipped").GetInt64());
        Assert.NotEmpty(progress.GetProperty("recent_logs").EnumerateArray());

        var contacts = await client.ErpAsync("contacts", jobId);
        Assert.Equal(2, contacts.Total());
        var acme = ByName(contacts, file.Acme);
        Assert.Equal(file.AcmeGstin, acme.GetProperty("gstin").GetString());
        Assert.Equal("accounts@acme.example", acme.GetProperty("email").GetString());
        Assert.Equal(118000m, acme.GetProperty("opening_balance").GetDecimal());
        Assert.Equal("Cr", acme.GetProperty("opening_balance_side").GetString());
        Assert.Equal("New Delhi", acme.GetProperty("billing").GetProperty("city").GetString());
        Assert.Equal("+91 11 4000 1000", acme.GetProperty("phone").GetString());
        var bharat = ByName(contacts, file.Bharat);
        Assert.Equal(file.BharatGstin, bharat.GetProperty("gstin").GetString());
        Assert.Equal(2500m, bharat.GetProperty("opening_balance").GetDecimal());
        Assert.Equal("Dr", bharat.GetProperty("opening_balance_side").GetString());
        Assert.DoesNotContain(contacts.Items(), c => c.GetProperty("display_name").GetString() == file.Broken);

        var errors = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error");
        var error = Assert.Single(errors.Items());
        Assert.Equal("ERROR", error.GetProperty("level").GetString());
        Assert.Equal("row 4", error.GetProperty("source_location").GetString());
        Assert.Equal("MIG004", error.GetProperty("error_code").GetString());
        Assert.Contains("email", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(error.GetProperty("error_details").EnumerateArray(), d => d.GetProperty("field").GetString() == "email");

        var rolledBack = await client.RollbackAndWaitAsync(jobId);
        Assert.Equal("rolled_back", rolledBack.GetProperty("status").GetString());
        Assert.Equal(0, (await client.ErpAsync("contacts", jobId)).Total());
        var all = await client.ErpAsync("contacts");
        Assert.DoesNotContain(all.Items(), c => c.GetProperty("display_name").GetString() == file.Acme);
        Assert.Equal($"Other Customer {otherTag}", Assert.Single((await client.ErpAsync("contacts", otherJob)).Items()).GetProperty("display_name").GetString());
        Assert.Equal("completed", await client.StatusOfAsync(otherJob));
    }

    [Fact]
    public async Task Upload_profiles_the_file_and_suggests_contacts()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var file = Customers();
        var jobId = await client.CreateJobIdAsync("contacts");
        var bytes = Encoding.UTF8.GetBytes(file.Csv);

        using var response = await client.UploadAsync(jobId, bytes, "customers.csv");
        await FerryApi.ExpectAsync(response, HttpStatusCode.OK);
        var profile = (await response.ReadJsonAsync()).GetProperty("file");

        Assert.Equal(bytes.Length, profile.GetProperty("size_bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), profile.GetProperty("sha256").GetString());
        Assert.Equal("csv", profile.GetProperty("format").GetString());
        Assert.Equal("utf-8", profile.GetProperty("encoding").GetString());
        Assert.Equal(",", profile.GetProperty("delimiter").GetString());
        Assert.Equal(6, profile.GetProperty("column_count").GetInt32());
        var table = await client.ProfileAsync(jobId);
        var firstRow = table.GetProperty("preview")[0];
        Assert.Equal(file.Acme, firstRow.GetProperty("Customer Name").GetString());
        Assert.Equal("1,18,000.00 Cr", firstRow.GetProperty("Opening Balance").GetString());
        Assert.Equal(6, table.GetProperty("columns").GetArrayLength());
        var best = profile.GetProperty("suggested_data_types")[0];
        Assert.Equal("contacts", best.GetProperty("data_type").GetString());
        Assert.InRange(best.GetProperty("confidence").GetDouble(), 0.5, 1.0);
        Assert.True(best.GetProperty("matched_fields").GetInt32() >= 5);
    }

    [Fact]
    public async Task Validation_reports_the_invalid_row_with_its_location_field_and_code()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, Customers().Csv);
        await client.AutoMapAsync(jobId);

        var report = await client.ValidateAsync(jobId);

        Assert.Equal(1, report.GetProperty("errors_by_field").GetProperty("email").GetInt64());
        var issue = Assert.Single(report.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal("row 4", issue.GetProperty("location").GetString());
        Assert.Equal("email", issue.GetProperty("field").GetString());
        Assert.Equal("MIG004", issue.GetProperty("error_code").GetString());
        Assert.Equal("not-an-email", issue.GetProperty("value").GetString());
        // The report is kept on the job for the wizard to show again.
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal(1, job.GetProperty("validation").GetProperty("records_invalid").GetInt64());
    }

    [Fact]
    public async Task Start_is_an_alias_of_execute()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");
        await client.UploadCsvAsync(jobId, Customers().Csv);
        await client.AutoMapAsync(jobId);

        using var start = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/start", null, Ct);

        await FerryApi.ExpectAsync(start, HttpStatusCode.Accepted);
        Assert.Equal("queued", (await start.ReadJsonAsync()).GetProperty("status").GetString());
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(2, (await client.ErpAsync("contacts", jobId)).Total());
    }

    [Fact]
    public async Task Logs_can_be_filtered_by_operation_and_paged()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await client.ImportAsync("contacts", Customers().Csv);

        var all = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs");
        var batches = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?operation=batch");
        var firstPage = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?page=1&page_size=1");

        Assert.True(all.Total() > batches.Total());
        Assert.NotEmpty(batches.Items());
        Assert.All(batches.Items(), l => Assert.Equal("batch", l.GetProperty("operation").GetString()));
        Assert.Equal(all.Total(), firstPage.Total());
        Assert.Single(firstPage.Items());
        Assert.Contains(all.Items(), l => l.GetProperty("level").GetString() == "INFO");
    }

    [Fact]
    public async Task An_unknown_log_level_is_a_bad_request()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var jobId = await client.CreateJobIdAsync("contacts");

        using var response = await client.GetAsync($"{FerryApi.Jobs}/{jobId}/logs?level=loud", Ct);

        await FerryApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Rolling_back_twice_is_refused_with_MIG011()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await client.ImportAsync("contacts", Customers().Csv);
        await client.RollbackAndWaitAsync(jobId);

        using var again = await client.PostAsync($"{FerryApi.Jobs}/{jobId}/rollback", null, Ct);

        await FerryApi.ExpectProblemAsync(again, HttpStatusCode.Conflict, "MIG011");
        Assert.Equal("rolled_back", await client.StatusOfAsync(jobId));
    }

    [Fact]
    public async Task Rollback_keeps_a_summary_of_what_it_undid()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var (jobId, _) = await client.ImportAsync("contacts", Customers().Csv);

        var progress = await client.RollbackAndWaitAsync(jobId);

        Assert.Equal(2, progress.GetProperty("rollback_summary").GetProperty("deleted").GetInt64());
        var job = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}");
        Assert.Equal(JsonValueKind.String, job.GetProperty("rolled_back_at").ValueKind);
    }

    [Fact]
    public async Task An_Excel_CSV_UTF_8_export_with_quotes_commas_line_breaks_and_Indian_scripts_imports_faithfully()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var hindi = $"श्री गणेश ट्रेडर्स {tag}";
        var quoted = $"Acme, Sons & Co. {tag}";
        var csv = TestData.Csv(
            "Customer Name,Address,City",
            $"{hindi},\"12, MG Road\",नई दिल्ली",
            $"\"{quoted}\",\"Unit 4\nBlock \"\"B\"\"\",Mumbai");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var jobId = await client.CreateJobIdAsync("contacts");
        using (var upload = await client.UploadAsync(jobId, bytes))
        {
            await FerryApi.ExpectAsync(upload, HttpStatusCode.OK);
            var file = (await upload.ReadJsonAsync()).GetProperty("file");
            Assert.Equal("Customer Name", (await client.ColumnsAsync(jobId))[0]);
            Assert.Equal(2, file.GetProperty("row_count").GetInt64());
        }
        await client.AutoMapAsync(jobId);

        await client.ExecuteAsync(jobId);
        Assert.Equal("completed", (await client.WaitUntilFinishedAsync(jobId)).GetProperty("status").GetString());

        var contacts = await client.ErpAsync("contacts", jobId);
        var first = ByName(contacts, hindi);
        Assert.Equal("12, MG Road", first.GetProperty("billing").GetProperty("line1").GetString());
        Assert.Equal("नई दिल्ली", first.GetProperty("billing").GetProperty("city").GetString());
        var second = ByName(contacts, quoted);
        Assert.Equal("Unit 4\nBlock \"B\"", second.GetProperty("billing").GetProperty("line1").GetString());
    }

    [Fact]
    public async Task A_GSTIN_is_normalised_and_gives_the_PAN_state_and_GST_treatment()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var pan = TestData.Pan();
        var gstin = TestData.Gstin("27", pan);
        var name = $"Registered Dealer {TestData.Tag()}";

        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,GSTIN", $"{name},{gstin.ToLowerInvariant()}"));

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        var contact = Assert.Single((await client.ErpAsync("contacts", jobId)).Items());
        Assert.Equal(gstin, contact.GetProperty("gstin").GetString());
        Assert.Equal(pan, contact.GetProperty("pan").GetString());
        Assert.Equal("27", contact.GetProperty("place_of_supply").GetString());
        Assert.Equal("regular", contact.GetProperty("gst_treatment").GetString());
    }

    [Fact]
    public async Task A_GSTIN_typed_with_spaces_is_accepted_without_them()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var gstin = TestData.Gstin("29");
        var name = $"Spaced Dealer {TestData.Tag()}";

        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,GSTIN", $"{name},{gstin[..2]} {gstin[2..12]} {gstin[12..]}"));

        var errors = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error");
        Assert.True(errors.Total() == 0, errors.ToString());
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(gstin, Assert.Single((await client.ErpAsync("contacts", jobId)).Items()).GetProperty("gstin").GetString());
    }

    [Fact]
    public async Task A_GSTIN_with_a_wrong_check_character_fails_its_row()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var gstin = TestData.Gstin("27");
        var wrong = gstin[..14] + (gstin[14] == 'A' ? 'B' : 'A');
        var tag = TestData.Tag();

        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,GSTIN", $"Good {tag},{gstin}", $"Typo {tag},{wrong}"));

        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal($"Good {tag}", Assert.Single((await client.ErpAsync("contacts", jobId)).Items()).GetProperty("display_name").GetString());
        var error = Assert.Single((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error")).Items());
        Assert.Equal("row 3", error.GetProperty("source_location").GetString());
        Assert.Contains(wrong, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_many_batches_imports_every_row_once_and_reports_each_batch()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var rows = Enumerable.Range(1, 2500).Select(i => $"Customer {tag} {i:D5},City {i % 7}").ToList();
        rows.Add($"Customer {tag} 00001,Repeated In The Last Batch");
        using var created = await client.PostAsJsonAsync(FerryApi.Jobs, new { name = "big file", data_types = new[] { "contacts" }, batch_size = 250 }, Ct);
        await FerryApi.ExpectAsync(created, HttpStatusCode.Created);
        var jobId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await client.UploadCsvAsync(jobId, TestData.Csv(["Customer Name,City", .. rows]));
        await client.AutoMapAsync(jobId);

        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(2501, progress.GetProperty("records_total").GetInt64());
        Assert.Equal(2501, progress.GetProperty("records_processed").GetInt64());
        Assert.Equal(2500, progress.GetProperty("records_inserted").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_skipped").GetInt64());
        Assert.Equal(2500, (await client.ErpAsync("contacts", jobId)).Total());
        Assert.Equal(11, (await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?operation=batch")).Total());
        var skipped = Assert.Single((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/conflicts")).Items());
        Assert.Equal("row 2502", skipped.GetProperty("source_location").GetString());
    }
}
