using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddFerryData(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddScoped<TenantScope>();
        services.AddDbContext<FerryDbContext>(options => Configure(options, database));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var file = database.SqliteFile();
                if (file is not null && Path.GetDirectoryName(file) is { Length: > 0 } directory)
                {
                    Directory.CreateDirectory(directory);
                }
                options.UseSqlite(database.SqliteConnectionString(), o => o.MigrationsAssembly("Ferry.Data.Sqlite"));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly("Ferry.Data.Postgres"));
                break;
        }
        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    /// <summary>A context outside any request, for workers and the command line: no tenant, filters must be bypassed explicitly.</summary>
    public static FerryDbContext CreateContext(DatabaseOptions database, TenantScope? tenant = null)
    {
        var builder = new DbContextOptionsBuilder<FerryDbContext>();
        Configure(builder, database);
        return new FerryDbContext(builder.Options, tenant);
    }
}
