using System.Text.Json;
using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Execution;

/// <summary>Importing records that already exist: skip them, update them (and undo that exactly), or create them anew.</summary>
public sealed class ConflictStrategyTests(FerryApp app) : IClassFixture<FerryApp>
{
    sealed record Customers(string Original, string Changed, string[] Names, string[] Gstins);

    /// <summary>Three customers, and the same three (same name and GSTIN) with new e-mail, city and opening balance.</summary>
    static Customers ThreeCustomers()
    {
        var tag = TestData.Tag();
        string[] names = [$"Acme Traders {tag}", $"Bharat Stores {tag}", $"Chetan Agencies {tag}"];
        string[] gstins = [TestData.Gstin("27"), TestData.Gstin("29"), TestData.Gstin("07")];
        var original = TestData.Csv(
            [
                "Customer Name,GSTIN,E-mail,City,Opening Balance",
                .. names.Select((n, i) => $"{n},{gstins[i]},old{i}@customer.example,Mumbai,{(i + 1) * 1000}"),
            ]);
        var changed = TestData.Csv(
            [
                "Customer Name,GSTIN,E-mail,City,Opening Balance",
                .. names.Select((n, i) => $"{n},{gstins[i]},new{i}@customer.example,Pune,\"{(i + 1) * 2000} Cr\""),
            ]);
        return new Customers(original, changed, names, gstins);
    }

    static Dictionary<string, JsonElement> ByName(JsonElement page) =>
        page.Items().ToDictionary(c => c.GetProperty("display_name").GetString()!);

    [Fact]
    public async Task With_skip_a_second_import_of_the_same_file_skips_every_record_and_lists_them_as_conflicts()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var customers = ThreeCustomers();
        var (firstJob, _) = await client.ImportAsync("contacts", customers.Original);
        var before = (await client.ErpAsync("contacts")).ToString();

        var (secondJob, progress) = await client.ImportAsync("contacts", customers.Changed, "skip");

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(3, progress.GetProperty("records_skipped").GetInt64());
        Assert.Equal(0, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(0, progress.GetProperty("records_failed").GetInt64());
        var conflicts = await client.GetJsonAsync($"{FerryApi.Jobs}/{secondJob}/conflicts");
        Assert.Equal(3, conflicts.Total());
        Assert.All(conflicts.Items(), c => Assert.Equal("skip_duplicate", c.GetProperty("operation").GetString()));
        Assert.Equal(["row 2", "row 3", "row 4"], conflicts.Items().Select(c => c.GetProperty("source_location").GetString()).Order());
        Assert.Equal(0, (await client.GetJsonAsync($"{FerryApi.Jobs}/{firstJob}/conflicts")).Total());
        Assert.Equal(0, (await client.ErpAsync("contacts", secondJob)).Total());
        Assert.Equal(before, (await client.ErpAsync("contacts")).ToString());
    }

    [Fact]
    public async Task Validation_predicts_the_skips_of_a_repeated_import()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var customers = ThreeCustomers();
        await client.ImportAsync("contacts", customers.Original);
        var jobId = await client.CreateJobIdAsync("contacts", "skip");
        await client.UploadCsvAsync(jobId, customers.Changed);
        await client.AutoMapAsync(jobId);

        var report = await client.ValidateAsync(jobId);

        Assert.Equal(3, report.GetProperty("would_skip").GetInt64());
        Assert.Equal(0, report.GetProperty("would_insert").GetInt64());
        Assert.Equal(3, report.GetProperty("duplicates").GetInt64());
    }

    [Fact]
    public async Task With_update_existing_records_take_the_new_values()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var customers = ThreeCustomers();
        var (firstJob, _) = await client.ImportAsync("contacts", customers.Original);

        var (updateJob, progress) = await client.ImportAsync("contacts", customers.Changed, "update");

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(3, progress.GetProperty("records_updated").GetInt64());
        Assert.Equal(0, progress.GetProperty("records_inserted").GetInt64());
        var contacts = ByName(await client.ErpAsync("contacts"));
        Assert.Equal(3, contacts.Count);
        var bharat = contacts[customers.Names[1]];
        Assert.Equal("new1@customer.example", bharat.GetProperty("email").GetString());
        Assert.Equal("Pune", bharat.GetProperty("billing").GetProperty("city").GetString());
        Assert.Equal(4000m, bharat.GetProperty("opening_balance").GetDecimal());
        Assert.Equal(firstJob, bharat.GetProperty("created_job_id").GetGuid());
        Assert.Equal(updateJob, bharat.GetProperty("last_job_id").GetGuid());
        Assert.Equal(3, (await client.ErpAsync("contacts", updateJob)).Total());
        var conflicts = await client.GetJsonAsync($"{FerryApi.Jobs}/{updateJob}/conflicts");
        Assert.Equal(3, conflicts.Total());
        Assert.All(conflicts.Items(), c => Assert.Equal("update_duplicate", c.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task With_update_a_balance_marked_Cr_turns_an_existing_debit_balance_into_a_credit_balance()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Side Switch {TestData.Tag()}";
        var (firstJob, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,Opening Balance", $"{name},2000"));
        var before = Assert.Single((await client.ErpAsync("contacts", firstJob)).Items());
        Assert.Equal("Dr", before.GetProperty("opening_balance_side").GetString());

        var (updateJob, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,Opening Balance", $"{name},\"4,000.00 Cr\""), "update");

        Assert.Equal(1, progress.GetProperty("records_updated").GetInt64());
        var after = Assert.Single((await client.ErpAsync("contacts", updateJob)).Items());
        Assert.Equal(4000m, after.GetProperty("opening_balance").GetDecimal());
        Assert.Equal("Cr", after.GetProperty("opening_balance_side").GetString());
    }

    [Fact]
    public async Task Rolling_back_an_update_import_that_changed_a_record_twice_restores_the_original()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Twice Updated {TestData.Tag()}";
        var (firstJob, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City,Credit Limit", $"{name},Mumbai,1000"));
        var before = Assert.Single((await client.ErpAsync("contacts", firstJob)).Items()).ToString();
        var (updateJob, progress) = await client.ImportAsync("contacts",
            TestData.Csv("Customer Name,City,Credit Limit", $"{name},Pune,2000", $"{name},Nagpur,3000"), "update");
        Assert.Equal(2, progress.GetProperty("records_updated").GetInt64());
        Assert.Equal("Nagpur", Assert.Single((await client.ErpAsync("contacts", updateJob)).Items()).GetProperty("billing").GetProperty("city").GetString());

        var rollback = await client.RollbackAndWaitAsync(updateJob);

        Assert.Equal(before, Assert.Single((await client.ErpAsync("contacts")).Items()).ToString());
        Assert.Equal(0, rollback.GetProperty("rollback_summary").GetProperty("conflicts").GetInt64());
    }

    [Fact]
    public async Task Rolling_back_an_update_import_restores_the_previous_values_exactly()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var customers = ThreeCustomers();
        var (firstJob, _) = await client.ImportAsync("contacts", customers.Original);
        var before = ByName(await client.ErpAsync("contacts"));
        var (updateJob, _) = await client.ImportAsync("contacts", customers.Changed, "update");
        Assert.Equal("Pune", ByName(await client.ErpAsync("contacts"))[customers.Names[0]].GetProperty("billing").GetProperty("city").GetString());

        var progress = await client.RollbackAndWaitAsync(updateJob);

        Assert.Equal(3, progress.GetProperty("rollback_summary").GetProperty("restored").GetInt64());
        Assert.Equal(0, progress.GetProperty("rollback_summary").GetProperty("deleted").GetInt64());
        var after = ByName(await client.ErpAsync("contacts"));
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var name in customers.Names)
        {
            Assert.Equal(before[name].ToString(), after[name].ToString());
        }
        Assert.Equal(3, (await client.ErpAsync("contacts", firstJob)).Total());
        Assert.Equal(0, (await client.ErpAsync("contacts", updateJob)).Total());
    }

    [Fact]
    public async Task With_update_a_file_mixing_new_and_existing_records_inserts_some_and_updates_others_and_rollback_undoes_both()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var (firstJob, _) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Existing {tag},Mumbai"));
        var before = (await client.ErpAsync("contacts")).ToString();

        var (mixedJob, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"Existing {tag},Nagpur", $"Newcomer {tag},Nashik"), "update");

        Assert.Equal(1, progress.GetProperty("records_inserted").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_updated").GetInt64());
        Assert.Equal(2, (await client.ErpAsync("contacts")).Total());
        await client.RollbackAndWaitAsync(mixedJob);
        Assert.Equal(before, (await client.ErpAsync("contacts")).ToString());
        Assert.Equal("completed", await client.StatusOfAsync(firstJob));
    }

    [Fact]
    public async Task With_update_a_record_that_already_holds_the_values_is_left_unchanged()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var customers = ThreeCustomers();
        await client.ImportAsync("contacts", customers.Original);
        var before = (await client.ErpAsync("contacts")).ToString();

        var (_, progress) = await client.ImportAsync("contacts", customers.Original, "update");

        Assert.Equal(0, progress.GetProperty("records_updated").GetInt64());
        Assert.Equal(3, progress.GetProperty("records_skipped").GetInt64());
        Assert.Equal(before, (await client.ErpAsync("contacts")).ToString());
    }

    [Fact]
    public async Task With_create_new_a_repeated_record_is_created_under_a_distinct_name()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var customers = ThreeCustomers();
        await client.ImportAsync("contacts", customers.Original);

        var (secondJob, progress) = await client.ImportAsync("contacts", customers.Changed, "create_new");

        Assert.Equal(3, progress.GetProperty("records_inserted").GetInt64());
        var created = ByName(await client.ErpAsync("contacts", secondJob));
        Assert.Equal(customers.Names.Select(n => $"{n} (2)").Order(), created.Keys.Order());
        Assert.Equal("new0@customer.example", created[$"{customers.Names[0]} (2)"].GetProperty("email").GetString());
        Assert.Equal(6, (await client.ErpAsync("contacts")).Total());
        var conflicts = await client.GetJsonAsync($"{FerryApi.Jobs}/{secondJob}/conflicts");
        Assert.Equal(3, conflicts.Total());
        Assert.All(conflicts.Items(), c => Assert.Equal("create_new_duplicate", c.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task Rows_repeated_within_one_file_are_imported_once_under_skip()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Twice Listed {TestData.Tag()}";

        var (jobId, progress) = await client.ImportAsync("contacts", TestData.Csv("Customer Name,City", $"{name},Mumbai", $"  {name.ToUpperInvariant()} ,Pune"));

        Assert.Equal(1, progress.GetProperty("records_inserted").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_skipped").GetInt64());
        var contact = Assert.Single((await client.ErpAsync("contacts", jobId)).Items());
        Assert.Equal("Mumbai", contact.GetProperty("billing").GetProperty("city").GetString());
    }
}
