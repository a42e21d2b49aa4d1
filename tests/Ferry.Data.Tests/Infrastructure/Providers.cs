namespace Ferry.Data.Tests.Infrastructure;

/// <summary>Theory data: every test that takes it runs on SQLite and on PostgreSQL.</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
