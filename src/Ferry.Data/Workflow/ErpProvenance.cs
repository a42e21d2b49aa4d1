using Ferry.Core.Jobs;
using Ferry.Erp.Model;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Data.Workflow;

/// <summary>Whether a job's rows are in the ERP: rows it created or last changed, or before-images it journalled.</summary>
static class ErpProvenance
{
    public static async Task<bool> HasRowsOfAsync(FerryDbContext db, MigrationJob job, CancellationToken cancellationToken)
    {
        if (job.Status is not (JobStatus.Completed or JobStatus.CompletedWithErrors or JobStatus.Failed or JobStatus.Cancelled))
        {
            return false;
        }
        var id = job.Id;
        return await db.RollbackJournal.AnyAsync(e => e.JobId == id, cancellationToken)
            || await AnyAsync(db.Contacts, id, cancellationToken)
            || await AnyAsync(db.Products, id, cancellationToken)
            || await AnyAsync(db.Ledgers, id, cancellationToken)
            || await AnyAsync(db.AccountGroups, id, cancellationToken)
            || await AnyAsync(db.Units, id, cancellationToken)
            || await AnyAsync(db.Warehouses, id, cancellationToken)
            || await AnyAsync(db.StockMovements, id, cancellationToken)
            || await AnyAsync(db.Vouchers, id, cancellationToken)
            || await AnyAsync(db.CompanyProfiles, id, cancellationToken);
    }

    static Task<bool> AnyAsync<T>(IQueryable<T> rows, Guid jobId, CancellationToken cancellationToken) where T : ErpRow =>
        rows.AnyAsync(r => r.CreatedJobId == jobId || r.LastJobId == jobId, cancellationToken);
}
