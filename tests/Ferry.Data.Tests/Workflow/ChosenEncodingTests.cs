using System.Text;
using Ferry.Core;
using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;

namespace Ferry.Data.Tests.Workflow;

/// <summary>Choosing the encoding of an uploaded text file reads it again, resets the mapping and imports the right letters.</summary>
public sealed class ChosenEncodingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static byte[] CzechContacts()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1250).GetBytes("Customer Name,City\r\nŠkoda Dílny,Plzeň\r\nPříliš Žluťoučký,Brno\r\n");
    }

    [Fact]
    public async Task Contacts_import_with_their_Czech_letters_after_the_encoding_is_chosen()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var org = database.Demo.Id;
        var job = await database.WorkflowAsync(org, w => w.CreateAsync(org, null, new NewJob("Czech", null, SourceType.Csv, ["contacts"], ConflictStrategy.Skip), Ct));
        await database.WorkflowAsync(org, async w =>
        {
            using var content = new MemoryStream(CzechContacts());
            return await w.UploadAsync(job.Id, content, "kontakty.csv", null, Ct);
        });
        await database.WorkflowAsync(org, w => w.AutoMapAsync(job.Id, Ct));

        var chosen = await database.WorkflowAsync(org, w => w.UpdateAsync(job.Id, new JobChanges(null, null, null, null, null, Encoding: "windows-1250"), Ct));

        Assert.Equal(JobStatus.Uploaded, chosen.Status);
        var profile = JobWorkflow.ProfileOf(chosen);
        Assert.Equal(("windows-1250", "windows-1250"), (profile.Encoding, profile.ChosenEncoding));
        Assert.Equal("Škoda Dílny", profile.Selected.Preview[0]["Customer Name"]);
        Assert.Empty(await database.WorkflowAsync(org, w => w.MappingsAsync(job.Id, Ct)));

        await database.WorkflowAsync(org, w => w.AutoMapAsync(job.Id, Ct));
        await database.WorkflowAsync(org, w => w.ExecuteAsync(job.Id, Ct));
        await database.RunWorkerUntilIdleAsync();

        var contacts = await database.ContactsAsync(org);
        Assert.Equal(["Škoda Dílny", "Příliš Žluťoučký"], contacts.Select(c => c.DisplayName));
        Assert.Equal("Plzeň", contacts[0].Billing.City);
    }

    [Fact]
    public async Task An_encoding_for_a_workbook_or_JSON_is_refused_naming_the_field()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var org = database.Demo.Id;
        var job = await database.WorkflowAsync(org, w => w.CreateAsync(org, null, new NewJob("Json", null, SourceType.Json, ["contacts"], ConflictStrategy.Skip), Ct));
        await database.WorkflowAsync(org, async w =>
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes("""[{"name":"Acme","city":"Pune"}]"""));
            return await w.UploadAsync(job.Id, content, "contacts.json", null, Ct);
        });

        var error = await Assert.ThrowsAsync<FerryException>(() =>
            database.WorkflowAsync(org, w => w.UpdateAsync(job.Id, new JobChanges(null, null, null, null, null, Encoding: "windows-1250"), Ct)));

        Assert.Equal((ErrorCodes.ValidationFailed, "encoding"), (error.ErrorCode, error.Field));
    }
}
