using System.Linq.Expressions;
using Ferry.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ferry.Data;

/// <summary>Model-wide rules: snake_case columns, money precision, enums as text, the tenant filter.</summary>
static class ModelConventions
{
    static readonly ValueConverter<DateTime, DateTime> UtcDateTime = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    static readonly ValueConverter<DateTime?, DateTime?> UtcNullableDateTime =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    public static void Apply(ModelBuilder modelBuilder, FerryDbContext context)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (!entity.IsOwned() && property.GetColumnName() is { } name && !name.Contains('_', StringComparison.Ordinal))
                {
                    property.SetColumnName(SnakeCaseNames.ToSnakeCase(name));
                }
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(DateTime))
                {
                    property.SetValueConverter(property.ClrType == typeof(DateTime) ? UtcDateTime : UtcNullableDateTime);
                }
                if (type == typeof(decimal))
                {
                    var isAmount = property.Name is "OpeningBalance" or "Debit" or "Credit" or "Amount" or "TotalAmount" or "Value" or "CreditLimit";
                    property.SetPrecision(18);
                    property.SetScale(isAmount ? 2 : 4);
                }
            }
            if (entity.IsOwned() || entity.BaseType is not null)
            {
                continue;
            }
            if (entity.FindProperty("OrganizationId") is { } org && org.ClrType == typeof(Guid))
            {
                entity.SetQueryFilter(FerryDbContext.TenantFilter, TenantFilter(entity.ClrType, context));
            }
        }
    }

    static LambdaExpression TenantFilter(Type clrType, FerryDbContext context)
    {
        var row = Expression.Parameter(clrType, "row");
        var organizationId = Expression.Property(row, "OrganizationId");
        var current = Expression.Property(Expression.Constant(context), nameof(FerryDbContext.CurrentOrganizationId));
        return Expression.Lambda(Expression.Equal(Expression.Convert(organizationId, typeof(Guid?)), current), row);
    }
}
