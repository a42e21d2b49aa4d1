using Microsoft.EntityFrameworkCore.Design;

namespace Ferry.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<FerryDbContext>
{
    public FerryDbContext CreateDbContext(string[] args) =>
        DataServiceCollectionExtensions.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=ferry_design" });
}
