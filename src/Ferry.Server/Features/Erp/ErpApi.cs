using Ferry.Data;
using Ferry.Erp.Model;
using Ferry.Server.Features.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ferry.Server.Features.Erp;

/// <summary>Read access to the ERP data, to see what migrations wrote; filter by job_id for one migration's rows.</summary>
static class ErpApi
{
    public static RouteGroupBuilder MapErp(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/erp").WithTags("ERP");
        MapList(group, "/contacts", "ListContacts", db => db.Contacts);
        MapList(group, "/products", "ListProducts", db => db.Products);
        MapList(group, "/ledgers", "ListLedgers", db => db.Ledgers);
        MapList(group, "/account-groups", "ListAccountGroups", db => db.AccountGroups);
        MapList(group, "/units", "ListUnits", db => db.Units);
        MapList(group, "/warehouses", "ListWarehouses", db => db.Warehouses);
        MapList(group, "/stock-movements", "ListStockMovements", db => db.StockMovements);
        MapList(group, "/vouchers", "ListVouchers", db => db.Vouchers.Include(v => v.LedgerLines).Include(v => v.InventoryLines).AsSplitQuery());
        MapList(group, "/company", "GetCompany", db => db.CompanyProfiles);
        return group;
    }

    static void MapList<T>(RouteGroupBuilder group, string path, string name, Func<FerryDbContext, IQueryable<T>> rows) where T : ErpRow =>
        group.MapGet(path, (FerryDbContext db, int? page, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "job_id")] Guid? jobId, CancellationToken cancellationToken)
            => List(rows(db), page, pageSize, jobId, cancellationToken)).WithName(name);

    static async Task<Ok<Paged<T>>> List<T>(IQueryable<T> rows, int? page, int? pageSize, Guid? jobId, CancellationToken cancellationToken) where T : ErpRow
    {
        if (jobId is { } job)
        {
            rows = rows.Where(r => r.CreatedJobId == job || r.LastJobId == job);
        }
        return TypedResults.Ok(await Paging.Of(page, pageSize).ReadAsync(rows.OrderBy(r => r.Id), r => r, cancellationToken));
    }
}
