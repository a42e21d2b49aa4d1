using Ferry.Core;
using Ferry.Core.Jobs;

namespace Ferry.Erp.Schemas;

/// <summary>The data types Ferry can import from tabular files, by name.</summary>
public static class ErpSchemas
{
    public static readonly IReadOnlyList<ErpSchema> All =
        [new ContactSchema(), new ProductSchema(), new LedgerSchema(), new StockSchema(), new CompanySchema()];

    public static ErpSchema Get(string dataType) =>
        All.FirstOrDefault(s => s.DataType == dataType)
        ?? throw new FerryException(ErrorCodes.MappingInvalid, dataType == DataTypes.Vouchers
            ? "Vouchers cannot be imported from a table file."
            : $"'{dataType}' is not a data type Ferry imports from tables. Use one of: {string.Join(", ", All.Select(s => s.DataType))}.");
}
