using Ferry.Core.Jobs;
using Ferry.Data.Tests.Infrastructure;
using Ferry.Data.Workflow;
using Ferry.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Tests;

public sealed class TenantIsolationTests
{
    static readonly string[] Tenant = [FerryDbContext.TenantFilter];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_organization_sees_and_touches_only_its_own_jobs_and_contacts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var demo = database.Demo.Id;
        var acme = (await database.AddOrganizationAsync("acme")).Id;
        var csv = ContactsCsv.Build(10);
        var demoJob = await database.ImportAsync(demo, csv);
        var acmeJob = await database.ImportAsync(acme, csv);
        Assert.Equal((JobStatus.Completed, 10L), (demoJob.Status, demoJob.RecordsInserted));
        Assert.Equal((JobStatus.Completed, 10L), (acmeJob.Status, acmeJob.RecordsInserted));

        await using (var acmeDb = database.For(acme))
        {
            Assert.Equal([acmeJob.Id], await acmeDb.Jobs.Select(j => j.Id).ToListAsync(Ct));
            Assert.Null(await acmeDb.Jobs.FirstOrDefaultAsync(j => j.Id == demoJob.Id, Ct));
            Assert.Empty(await acmeDb.JobLogs.Where(l => l.JobId == demoJob.Id).ToListAsync(Ct));
            Assert.Empty(await acmeDb.FieldMappings.Where(m => m.JobId == demoJob.Id).ToListAsync(Ct));
            var contacts = await acmeDb.Contacts.ToListAsync(Ct);
            Assert.Equal(10, contacts.Count);
            Assert.All(contacts, c => Assert.Equal((acme, acmeJob.Id), (c.OrganizationId, c.CreatedJobId)));
        }
        await Assert.ThrowsAsync<NotFoundException>(() => database.WorkflowAsync(acme, w => w.RollbackAsync(demoJob.Id, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => database.WorkflowAsync(acme, w => w.CancelAsync(demoJob.Id, Ct)));

        await using (var system = database.System())
        {
            // Same names and GSTINs in both organizations: natural keys are unique per organization only.
            var key = (await database.ContactsAsync(demo))[0].NaturalKey;
            Assert.Equal(2, await system.Contacts.IgnoreQueryFilters(Tenant).CountAsync(c => c.NaturalKey == key, Ct));
            // Without an organization the filter shows nothing; system queries must bypass it on purpose.
            Assert.Equal(0, await system.Contacts.CountAsync(Ct));
            Assert.Equal(0, await system.Jobs.CountAsync(Ct));
        }

        Assert.Equal(JobStatus.RolledBack, (await database.RollbackAsync(acme, acmeJob.Id)).Status);
        Assert.Empty(await database.ContactsAsync(acme));
        Assert.Equal(10, (await database.ContactsAsync(demo)).Count);
        Assert.Equal(JobStatus.Completed, (await database.JobAsync(demoJob.Id)).Status);
    }
}
