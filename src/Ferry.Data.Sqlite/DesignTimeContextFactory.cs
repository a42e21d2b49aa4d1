using Microsoft.EntityFrameworkCore.Design;

namespace Ferry.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the server.</summary>
sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<FerryDbContext>
{
    public FerryDbContext CreateDbContext(string[] args) =>
        DataServiceCollectionExtensions.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
}
