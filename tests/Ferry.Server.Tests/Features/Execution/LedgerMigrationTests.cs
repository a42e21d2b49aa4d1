using Ferry.Server.Tests.Infrastructure;

namespace Ferry.Server.Tests.Features.Execution;

public sealed class LedgerMigrationTests(FerryApp app) : IClassFixture<FerryApp>
{
    [Fact]
    public async Task A_chart_of_accounts_imports_ledgers_under_the_seeded_groups_and_rolls_back()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var tag = TestData.Tag();
        var csv = TestData.Csv(
            "Ledger Name,Group,Opening Balance",
            $"Acme Traders {tag},Sundry Debtors,\"25,000.00 Dr\"",
            $"Proprietor Capital {tag},Capital Account,\"5,00,000\"",
            $"HDFC Current {tag},Bank Accounts,not a number",
            $"Advance From Dealer {tag},Sundry Debtors,-1200");
        var groups = (await client.ErpAsync("account-groups")).Items()
            .ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("id").GetInt64());
        var jobId = await client.CreateJobIdAsync("ledgers");
        await client.UploadCsvAsync(jobId, csv, "ledgers.csv");

        var mapping = await client.AutoMapAsync(jobId);
        var targets = mapping.GetProperty("mappings").EnumerateArray()
            .ToDictionary(m => m.GetProperty("source_field").GetString()!, m => m.GetProperty("target_field").GetString());
        Assert.Equal("name", targets["Ledger Name"]);
        Assert.Equal("group_name", targets["Group"]);
        Assert.Equal("opening_balance", targets["Opening Balance"]);

        await client.ExecuteAsync(jobId);
        var progress = await client.WaitUntilFinishedAsync(jobId);
        Assert.Equal("completed_with_errors", progress.GetProperty("status").GetString());
        Assert.Equal(3, progress.GetProperty("records_succeeded").GetInt64());
        Assert.Equal(1, progress.GetProperty("records_failed").GetInt64());

        var ledgers = (await client.ErpAsync("ledgers", jobId)).Items().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(3, ledgers.Count);
        var acme = ledgers[$"Acme Traders {tag}"];
        Assert.Equal(groups["Sundry Debtors"], acme.GetProperty("group_id").GetInt64());
        Assert.Equal(25000m, acme.GetProperty("opening_balance").GetDecimal());
        Assert.Equal("Dr", acme.GetProperty("opening_balance_side").GetString());
        var capital = ledgers[$"Proprietor Capital {tag}"];
        Assert.Equal(groups["Capital Account"], capital.GetProperty("group_id").GetInt64());
        Assert.Equal(500000m, capital.GetProperty("opening_balance").GetDecimal());
        Assert.Equal("Cr", capital.GetProperty("opening_balance_side").GetString());
        // A minus sign is credit; the stored balance itself is never negative.
        var advance = ledgers[$"Advance From Dealer {tag}"];
        Assert.Equal(1200m, advance.GetProperty("opening_balance").GetDecimal());
        Assert.Equal("Cr", advance.GetProperty("opening_balance_side").GetString());

        var error = Assert.Single((await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=error")).Items());
        Assert.Equal("row 4", error.GetProperty("source_location").GetString());
        Assert.Equal("MIG004", error.GetProperty("error_code").GetString());

        await client.RollbackAndWaitAsync(jobId);
        Assert.Equal(0, (await client.ErpAsync("ledgers", jobId)).Total());
        Assert.Equal(28, (await client.ErpAsync("account-groups")).Total());
    }

    [Fact]
    public async Task A_ledger_under_an_unknown_group_is_imported_with_a_warning_and_keeps_the_group_name()
    {
        using var client = await app.ClientOfNewOrganizationAsync();
        var name = $"Misc Ledger {TestData.Tag()}";

        var (jobId, progress) = await client.ImportAsync("ledgers", TestData.Csv("Ledger Name,Group,Opening Balance", $"{name},Imaginary Group,100"));

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        var ledger = Assert.Single((await client.ErpAsync("ledgers", jobId)).Items());
        Assert.Equal("Imaginary Group", ledger.GetProperty("group_name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ledger.GetProperty("group_id").ValueKind);
        var warnings = await client.GetJsonAsync($"{FerryApi.Jobs}/{jobId}/logs?level=warning");
        Assert.Contains(warnings.Items(), l => l.GetProperty("level").GetString() == "WARNING" && l.GetProperty("source_location").GetString() == "row 2");
    }
}
