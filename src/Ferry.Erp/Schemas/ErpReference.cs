namespace Ferry.Erp.Schemas;

/// <summary>
/// A field that names another ERP row (a product by SKU, a group by name); the writer turns it into that row's id.
/// </summary>
/// <param name="KeyField">The field holding the referenced row's natural key.</param>
/// <param name="IdColumn">The column that receives the referenced row's id.</param>
/// <param name="Target">The entity type referenced.</param>
/// <param name="Required">When true, a record naming a row that does not exist fails.</param>
public sealed record ErpReference(string KeyField, string IdColumn, Type Target, bool Required);
